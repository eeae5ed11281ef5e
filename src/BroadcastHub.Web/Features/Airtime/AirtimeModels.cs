using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Places;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// One line of the airtime log, times already in station local time; <paramref name="Emergency"/> for a phát ngay
/// airing; <paramref name="RecordingUrl"/> the player's source for a relay that was recorded.
/// </summary>
public sealed record AirtimeRow(
    string Commune, string Bulletin, DateTimeOffset Scheduled, DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd,
    double PlayedSeconds, AirtimeOutcome Outcome, string? Error, bool Emergency = false, long Id = 0, string? RecordingUrl = null)
{
    /// <summary>The outcome in the UI language (a manual stop reads differently from an emergency cut).</summary>
    public string OutcomeText => AirtimeTexts.Outcome(Outcome, Error);

    /// <summary>The record's note in the UI language, or null.</summary>
    public string? NoteText => AirtimeTexts.Note(Error);
}

/// <summary>The airtime log page (nhật ký phát).</summary>
public sealed class AirtimePage
{
    public string? From { get; init; }
    public string? To { get; init; }
    public long? CommuneId { get; init; }
    public required IReadOnlyList<Commune> Communes { get; init; }
    public IReadOnlyList<AirtimeRow> Rows { get; init; } = [];

    /// <summary>Rows shown per page: a day of a whole province is hundreds of records, too many for a phone.</summary>
    public const int PageSize = 100;

    /// <summary>The page shown, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Records in the whole range.</summary>
    public int TotalRows { get; init; }

    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);
}

/// <summary>The compliance summary page: per commune planned vs aired, and whether the airtime chain is intact.</summary>
public sealed record AirtimeSummaryPage(string From, string To, IReadOnlyList<BroadcastHub.Core.Airtime.CommuneAirtimeSummary> Rows,
    BroadcastHub.Core.Airtime.AirtimeChainReport Chain);
