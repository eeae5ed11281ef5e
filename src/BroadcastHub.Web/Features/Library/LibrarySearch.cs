using System.Globalization;
using System.Text;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// The library's search: words of the title (accents optional, so <c>thoi tiet</c> finds <c>Thời tiết</c>) and the
/// local upload date range (yyyy-MM-dd, inclusive).
/// </summary>
public sealed record LibrarySearch(string? Query, string? From, string? To)
{
    /// <summary>True when any criterion is set.</summary>
    public bool IsActive => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    /// <summary>The bulletins matching every criterion; refuses a malformed date with <c>invalid_date</c>.</summary>
    public IReadOnlyList<Bulletin> Apply(IReadOnlyList<Bulletin> bulletins, StationClock clock)
    {
        if (!IsActive) return bulletins;
        var from = LocalDateInput.Optional(From?.Trim(), Msg.Get("From"));
        var to = LocalDateInput.Optional(To?.Trim(), Msg.Get("To"));
        var words = Fold(Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return bulletins.Where(b =>
        {
            var uploaded = DateOnly.FromDateTime(clock.ToLocal(b.UploadedAt).DateTime);
            var title = Fold(b.Title + " " + b.OriginalFileName);
            return (from is null || uploaded >= from) && (to is null || uploaded <= to)
                && words.All(w => title.Contains(w, StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>Lower case without accents (đ → d), for matching typed words against Vietnamese titles.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        return kept.ToString();
    }
}
