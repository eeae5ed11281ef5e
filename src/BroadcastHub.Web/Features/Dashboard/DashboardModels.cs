using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>What one rundown item of an occurrence became.</summary>
public sealed record ItemOutcome(string Title, AirtimeOutcome Outcome, string? Error);

/// <summary>A session taking place today, with its occurrence and airtime if there are any.</summary>
public sealed record SessionToday(SessionSlot Session, DateTimeOffset StartLocal, OccurrenceState? State, IReadOnlyList<ItemOutcome> Outcomes);

/// <summary>What a zone airs now; <paramref name="Starting"/> while the engine is in its pre-roll before the first sample.</summary>
public sealed record OnAir(string Title, DateTimeOffset SinceLocal, DateTimeOffset OccurrenceStartLocal, string Output, bool Starting)
{
    /// <summary>The item's first sample and its expected end (UTC): the browser counts elapsed and remaining time.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Item { get; init; }

    /// <summary>The session's air: its first sample and the rundown's expected end (UTC).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Air { get; init; }
}

/// <summary>The next planned occurrence of a zone.</summary>
public sealed record NextUp(DateTimeOffset StartLocal, IReadOnlyList<string> Titles);

/// <summary>One commune on the dashboard: its zone's output and air, and today's sessions.</summary>
public sealed record CommuneToday(
    Commune Commune, ZoneOutputState Output, OnAir? OnAir, NextUp? Next, IReadOnlyList<SessionToday> Sessions)
{
    /// <summary>One short translated line when the output needs a look.</summary>
    public OutputNotice? Notice => OutputNotice.For(Output, Commune.Name);

    public bool OutputTrouble => Notice is not null;
}

/// <summary>Bảng điều khiển.</summary>
public sealed record DashboardPage(DateOnly Today, DateTimeOffset NowLocal, IReadOnlyList<CommuneToday> Communes, bool CanStop)
{
    /// <summary>Station-wide alerts (disk, missing media, Hangfire rebuilt); output alerts are shown per commune.</summary>
    public IReadOnlyList<StationAlert> Alerts { get; init; } = [];

    /// <summary>Administrators get a link to the details of output warnings.</summary>
    public bool ShowDetails { get; init; }
}

/// <summary>The question asked before a stop, naming the commune; <paramref name="OnAir"/> false when nothing airs there now.</summary>
public sealed record StopConfirmation(long ZoneId, string CommuneName, bool OnAir);
