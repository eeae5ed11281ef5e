using BroadcastHub.Core.Library;

namespace BroadcastHub.Web.Features.Library;

/// <summary>The upload form's text fields; the file comes as its own parameter.</summary>
public sealed class UploadForm
{
    public string? Title { get; set; }
    public string? Language { get; set; } = "vi";
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }
    /// <summary>Store the file even though its content is already in the library.</summary>
    public bool AllowDuplicate { get; set; }
    /// <summary><c>recording</c> when the library page's recorder made the file; anything else is an ordinary upload.</summary>
    public string? Source { get; set; }
}

/// <summary>The bulletin library page: list, upload form and review forms.</summary>
public sealed record LibraryPage
{
    public required IReadOnlyList<Bulletin> Bulletins { get; init; }
    public BulletinStatus? Filter { get; init; }
    /// <summary>The title and upload-date search applied to the list.</summary>
    public LibrarySearch Search { get; init; } = new(null, null, null);
    public UploadForm Upload { get; init; } = new();
    public bool CanReview { get; init; }
    /// <summary>Whether the reviewer's scope lets it approve or reject this bulletin (its unit's subtree only).</summary>
    public Func<Bulletin, bool> MayReview { get; init; } = _ => true;
    public long MaxUploadMegabytes { get; init; }
    /// <summary>The bulletin that already holds the file just refused as a duplicate.</summary>
    public Bulletin? Duplicate { get; init; }
}
