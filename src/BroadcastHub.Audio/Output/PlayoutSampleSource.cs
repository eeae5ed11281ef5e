using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// Wraps a playout source: counts the frames read and, once <see cref="BeginFadeOut"/> is called, fades
/// linearly to silence over the fade length and then ends.
/// </summary>
internal sealed class PlayoutSampleSource(ISampleProvider source, TimeSpan fade) : ISampleProvider
{
    private readonly int channels = source.WaveFormat.Channels;
    private readonly int fadeFrames = Math.Max(1, (int)(source.WaveFormat.SampleRate * fade.TotalSeconds));
    private volatile bool fading;
    private int fadeDone;
    private long framesRead;

    /// <inheritdoc />
    public WaveFormat WaveFormat => source.WaveFormat;

    /// <summary>Frames handed to the player so far.</summary>
    public long FramesRead => Interlocked.Read(ref framesRead);

    /// <summary>Requests the fade-out; safe from any thread.</summary>
    public void BeginFadeOut() => fading = true;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        if (fading && fadeDone >= fadeFrames)
        {
            return 0;
        }

        var n = source.Read(buffer[..(buffer.Length - (buffer.Length % channels))]);
        n -= n % channels;
        if (fading)
        {
            var frames = Math.Min(n / channels, fadeFrames - fadeDone);
            for (var f = 0; f < frames; f++)
            {
                var gain = 1f - (float)(fadeDone + f + 1) / fadeFrames;
                for (var c = 0; c < channels; c++)
                {
                    buffer[(f * channels) + c] *= gain;
                }
            }

            fadeDone += frames;
            n = frames * channels;
        }

        Interlocked.Add(ref framesRead, n / channels);
        return n;
    }
}
