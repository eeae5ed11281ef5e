namespace BroadcastHub.Core.Airtime;

/// <summary>What happened to one rundown item of one occurrence.</summary>
public enum AirtimeOutcome
{
    /// <summary>Aired in full, on time.</summary>
    Completed,
    /// <summary>Aired in full, but started late (within the grace span).</summary>
    Late,
    /// <summary>Did not air: its time passed (station off, job too late).</summary>
    Missed,
    /// <summary>Cut by a station crash or restart.</summary>
    Interrupted,
    /// <summary>Cut at the session's end.</summary>
    Truncated,
    /// <summary>Cut by an emergency or an operator's stop.</summary>
    Preempted,
    /// <summary>Not aired on purpose (expired, not approved, outside policy).</summary>
    Skipped,
    /// <summary>Could not air: device or file failure; the error says why.</summary>
    Failed,
}
