using System.Globalization;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>An inclusive range of station-local dates and the UTC instants [FromUtc, ToUtc) it covers.</summary>
public sealed record ReportRange(DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc)
{
    /// <summary>Longest range a report may cover, so one request cannot read years of records.</summary>
    public const int MaxDays = 366;

    /// <summary>Parses <c>from</c>/<c>to</c> (yyyy-MM-dd, local; <c>from</c> defaults to today, <c>to</c> to <c>from</c>).</summary>
    public static ReportRange Parse(string? from, string? to, StationClock clock)
    {
        var fromDate = LocalDateInput.Optional(from?.Trim(), "from") ?? clock.Today;
        var toDate = LocalDateInput.Optional(to?.Trim(), "to") ?? fromDate;
        if (toDate < fromDate)
            throw new AppException("range_reversed", Msg.Get("ToMustNotBeBeforeFrom"));
        if (toDate.DayNumber - fromDate.DayNumber + 1 > MaxDays)
            throw new AppException("range_too_long", Msg.Get("TheRangeMayCoverAtMost", MaxDays));
        return new ReportRange(fromDate, toDate, clock.ToUtc(fromDate, TimeOnly.MinValue), clock.ToUtc(toDate.AddDays(1), TimeOnly.MinValue));
    }

    /// <summary>The range as text for file names: <c>2026-11-01_2026-11-30</c>.</summary>
    public string FileStem => $"{Iso(From)}_{Iso(To)}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
