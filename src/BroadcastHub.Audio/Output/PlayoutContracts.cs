using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>What to play and when its first sample must leave for the loudspeakers.</summary>
/// <param name="Source">Audio in the output's house format; playback ends when it returns 0.</param>
/// <param name="StartAt">The instant (UTC) the first sample must be heard.</param>
/// <param name="Label">Short, file-name-safe label of the occurrence (file outputs name their file after it).</param>
public sealed record PlayoutRequest(ISampleProvider Source, DateTimeOffset StartAt, string Label);

/// <summary>What really happened on the output, measured from the output itself.</summary>
/// <param name="ActualStart">Instant the first sample left for the device (after latency compensation).</param>
/// <param name="ActualEnd">Instant the last sample left.</param>
/// <param name="FramesPlayed">Sample frames delivered to the device.</param>
/// <param name="Error">Why playback failed, or null.</param>
/// <param name="RecordingPath">For file outputs: the file written.</param>
public sealed record PlayoutReport(
    DateTimeOffset ActualStart, DateTimeOffset ActualEnd, long FramesPlayed, string? Error, string? RecordingPath = null);

/// <summary>A zone's loudspeaker output: ALSA, WinMM, a paced Broadcast Wave file, or nothing.</summary>
public interface IPlayoutOutput : IDisposable
{
    /// <summary>Human-readable description, e.g. <c>alsa:default</c>.</summary>
    string Description { get; }

    /// <summary>The format the output plays (the zone's house format).</summary>
    WaveFormat Format { get; }

    /// <summary>
    /// Plays <see cref="PlayoutRequest.Source"/> so that its first sample is heard at
    /// <see cref="PlayoutRequest.StartAt"/>, and completes when the source ends, <paramref name="cancel"/> fires
    /// (stop), or the device fails. Never throws for device trouble: it reports it in <see cref="PlayoutReport.Error"/>.
    /// </summary>
    Task<PlayoutReport> PlayAsync(PlayoutRequest request, CancellationToken cancel);

    /// <summary>What the configured spec resolved to, and any fallback warning (e.g. no sound card).</summary>
    OutputState State => new(Description, Description, null);
}
