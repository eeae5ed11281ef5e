namespace BroadcastHub.Audio.Metering;

/// <summary>
/// A dead-air episode seen by a <see cref="SilenceWatchSampleProvider"/>. Positions are frame counts from the start
/// of the watched stream (position <c>p</c> is the instant after <c>p</c> frames), so they map directly onto a
/// rundown's item start frames and onto air time (position / sample rate after the first sample's instant).
/// </summary>
/// <param name="SilenceStart">Position where the silence began (the first frame below the threshold).</param>
/// <param name="Position">
/// For <see cref="SilenceWatchSampleProvider.DeadAirStarted"/>: where the silence reached the span
/// (<see cref="SilenceStart"/> + span). For <see cref="SilenceWatchSampleProvider.DeadAirEnded"/>: where sound came
/// back (the first frame at or above the threshold), or where watching stopped.
/// </param>
/// <param name="SampleRate">Sample rate of the watched stream, Hz.</param>
public sealed record DeadAirEvent(long SilenceStart, long Position, int SampleRate)
{
    /// <summary>Length of the silence up to <see cref="Position"/>.</summary>
    public TimeSpan Silence => TimeSpan.FromSeconds((Position - SilenceStart) / (double)SampleRate);
}
