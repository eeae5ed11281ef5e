namespace BroadcastHub.Core.Airtime;

/// <summary>Planned against aired for one commune over a period (the compliance summary).</summary>
public sealed record CommuneAirtimeSummary
{
    /// <summary>The commune.</summary>
    public long CommuneId { get; init; }
    /// <summary>Its name.</summary>
    public string CommuneName { get; init; } = "";
    /// <summary>Rundown items of the commune's occurrences that start in the period (cancelled occurrences excluded).</summary>
    public long Planned { get; init; }
    /// <summary>Aired in full: <see cref="AirtimeOutcome.Completed"/> plus <see cref="AirtimeOutcome.Late"/>.</summary>
    public long Aired { get; init; }
    /// <summary>Aired in full but late.</summary>
    public long Late { get; init; }
    /// <summary>Did not air: the time passed.</summary>
    public long Missed { get; init; }
    /// <summary>Cut at the session's end.</summary>
    public long Truncated { get; init; }
    /// <summary>Cut by an emergency or an operator's stop.</summary>
    public long Preempted { get; init; }
    /// <summary>Device or file failures.</summary>
    public long Failed { get; init; }
    /// <summary>Cut by a crash or restart.</summary>
    public long Interrupted { get; init; }
    /// <summary>Not aired on purpose.</summary>
    public long Skipped { get; init; }
    /// <summary>Minutes of audio that aired, whatever the outcome.</summary>
    public double MinutesAired { get; init; }
}
