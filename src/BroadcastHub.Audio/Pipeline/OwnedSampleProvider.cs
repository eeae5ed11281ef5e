using NAudio.Wave;

namespace BroadcastHub.Audio.Pipeline;

/// <summary>A sample chain that disposes the decoder at its root when it is disposed.</summary>
public sealed class OwnedSampleProvider(ISampleProvider chain, IDisposable owner) : ISampleProvider, IDisposable
{
    /// <inheritdoc />
    public WaveFormat WaveFormat => chain.WaveFormat;

    /// <inheritdoc />
    public int Read(Span<float> buffer) => chain.Read(buffer);

    /// <inheritdoc />
    public void Dispose() => owner.Dispose();
}
