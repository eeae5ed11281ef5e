namespace BroadcastHub.Playout.Relay;

/// <summary>Relay recordings that retention must not delete yet (a station agent's recordings not yet uploaded to the hub).</summary>
public interface IRelayRecordingHold
{
    /// <summary>The held recordings' paths, relative to the data folder with <c>/</c> separators.</summary>
    IReadOnlySet<string> HeldPaths();
}
