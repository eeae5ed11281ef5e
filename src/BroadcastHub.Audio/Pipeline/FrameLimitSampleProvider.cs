using NAudio.Wave;

namespace BroadcastHub.Audio.Pipeline;

/// <summary>
/// Ends a stream at a fixed frame count (the session's end), fading out over the last
/// <c>fadeFrames</c> so an overrunning item is not cut mid-word with a click.
/// </summary>
public sealed class FrameLimitSampleProvider(ISampleProvider source, long limitFrames, long fadeFrames) : ISampleProvider
{
    private long _position;

    /// <inheritdoc />
    public WaveFormat WaveFormat => source.WaveFormat;

    /// <summary>True once the limit cut the stream.</summary>
    public bool LimitReached { get; private set; }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var channels = WaveFormat.Channels;
        var remaining = limitFrames - _position;
        if (remaining <= 0)
        {
            LimitReached = true;
            return 0;
        }
        var want = (int)Math.Min(buffer.Length / channels, remaining) * channels;
        var read = source.Read(buffer[..want]);
        var fadeStart = limitFrames - fadeFrames;
        for (var i = 0; i < read; i++)
        {
            var frame = _position + i / channels;
            if (frame >= fadeStart && fadeFrames > 0)
                buffer[i] *= (float)(limitFrames - frame) / fadeFrames;
        }
        _position += read / channels;
        if (read == want && _position >= limitFrames) LimitReached = true;
        return read;
    }
}
