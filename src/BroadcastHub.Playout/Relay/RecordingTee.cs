using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>Passes <paramref name="source"/>'s samples through unchanged and writes a copy to <paramref name="recording"/>.</summary>
/// <param name="source">The relay chain up to the tee.</param>
/// <param name="recording">Where the copy goes; the tee neither completes nor disposes it.</param>
public sealed class RecordingTee(ISampleProvider source, RelayRecording recording) : ISampleProvider
{
    /// <inheritdoc />
    public WaveFormat WaveFormat => source.WaveFormat;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var n = source.Read(buffer);
        recording.Write(buffer[..n]);
        return n;
    }
}
