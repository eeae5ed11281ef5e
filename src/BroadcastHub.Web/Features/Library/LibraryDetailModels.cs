using BroadcastHub.Core.Library;

namespace BroadcastHub.Web.Features.Library;

/// <summary>A bulletin's page: figures, warnings from its measurements, the status history, and whether the user may review it.</summary>
public sealed record BulletinDetailPage(Bulletin Bulletin, IReadOnlyList<BulletinEvent> History, IReadOnlyList<string> Warnings, bool CanReview)
{
    /// <summary>Why the review just posted was refused, shown beside the review forms.</summary>
    public string? ReviewError { get; init; }

    /// <summary>The rejection reason as typed, kept after a refusal.</summary>
    public string? RejectReason { get; init; }
}
