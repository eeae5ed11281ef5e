using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>Paced like a sound card but discards the audio; used when a zone has no output configured.</summary>
/// <param name="time">The clock.</param>
/// <param name="block">Pacing block; defaults to 20 ms.</param>
public sealed class NullWavePlayer(TimeProvider time, TimeSpan? block = null)
    : PacedWavePlayer(time, block ?? TimeSpan.FromMilliseconds(20))
{
    /// <inheritdoc />
    protected override void OnInit(WaveFormat format)
    {
    }

    /// <inheritdoc />
    protected override void OnStart(DateTimeOffset firstFrameAt)
    {
    }

    /// <inheritdoc />
    protected override void OnBlock(ReadOnlySpan<short> samples)
    {
    }

    /// <inheritdoc />
    protected override void OnClose()
    {
    }
}
