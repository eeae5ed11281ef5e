using BroadcastHub.Audio.Pipeline;

namespace BroadcastHub.Web.Playout;

/// <summary>One build of an occurrence's audio chain: gapless rundown → session-end limit → dead-air meter.
/// Built afresh for each attempt, so a fallback output starts from the first sample.</summary>
public sealed class AiringChain(RundownSampleProvider rundown, FrameLimitSampleProvider limit, DeadAirWatch deadAir, DateTimeOffset startAt)
    : IDisposable
{
    public RundownSampleProvider Rundown { get; } = rundown;
    public FrameLimitSampleProvider Limit { get; } = limit;
    public DeadAirWatch DeadAir { get; } = deadAir;
    public DateTimeOffset StartAt { get; } = startAt;

    public void Dispose() => Rundown.Dispose();
}
