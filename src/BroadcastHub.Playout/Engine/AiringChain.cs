using BroadcastHub.Audio.Pipeline;

namespace BroadcastHub.Playout;

/// <summary>One build of an occurrence's audio chain: gapless rundown → session-end limit → dead-air meter.
/// Built afresh for each attempt, so a fallback output starts from the first sample.</summary>
public sealed class AiringChain(RundownSampleProvider rundown, FrameLimitSampleProvider limit, DeadAirWatch deadAir, DateTimeOffset startAt)
    : IDisposable
{
    /// <summary>The gapless rundown of the items.</summary>
    public RundownSampleProvider Rundown { get; } = rundown;
    /// <summary>The cut (with a fade) at the session's end.</summary>
    public FrameLimitSampleProvider Limit { get; } = limit;
    /// <summary>The meter on what goes to the output.</summary>
    public DeadAirWatch DeadAir { get; } = deadAir;
    /// <summary>The instant of the first sample.</summary>
    public DateTimeOffset StartAt { get; } = startAt;

    /// <inheritdoc />
    public void Dispose() => Rundown.Dispose();
}
