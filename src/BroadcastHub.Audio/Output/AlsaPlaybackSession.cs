namespace BroadcastHub.Audio.Output;

/// <summary>The write loop of one ALSA playback, with its timing measurements.</summary>
internal sealed class AlsaPlaybackSession(AlsaPcm pcm, Pcm16FrameReader reader, TimeProvider time)
{
    private readonly int rate = reader.Format.SampleRate;
    private long written;

    /// <summary>Measured instant of the first frame, once known.</summary>
    public DateTimeOffset? FirstFrameAt { get; private set; }

    /// <summary>Frames delivered so far; once <see cref="Play"/> returns, the frames really heard.</summary>
    public long FramesPlayed { get; private set; }

    /// <summary>Writes the source until it ends (then drains) or a stop is requested (then drops).</summary>
    public void Play(Func<bool> stopRequested, Func<float> volume, Action<DateTimeOffset> firstFrame)
    {
        var samples = new short[Math.Max(1, rate / 50) * reader.Format.Channels];
        while (!stopRequested())
        {
            reader.Gain = volume();
            var n = reader.Read(samples);
            if (n == 0)
            {
                Drain(firstFrame);
                return;
            }

            try
            {
                pcm.Write(samples.AsSpan(0, n));
            }
            catch (IOException)
            {
                // The device failed mid-air: what it still held queued was never heard.
                FramesPlayed = pcm.Delay() is { } held and > 0 ? Math.Max(0, written - held) : written;
                throw;
            }

            written += n / reader.Format.Channels;
            FramesPlayed = written;
            if (FirstFrameAt is null && pcm.IsRunning && pcm.Delay() is { } delay)
            {
                // The next frame written would be heard after `delay` frames; the first frame is `written` before it.
                FirstFrameAt = time.GetUtcNow() + Frames(delay - written);
                firstFrame(FirstFrameAt.Value);
            }
        }

        var queued = pcm.Delay() ?? 0;
        pcm.Drop();
        FramesPlayed = FirstFrameAt is null ? 0 : Math.Clamp(written - queued, 0, written);
    }

    private void Drain(Action<DateTimeOffset> firstFrame)
    {
        pcm.Drain();
        var end = time.GetUtcNow();
        FramesPlayed = written;
        if (FirstFrameAt is null)
        {
            FirstFrameAt = end - Frames(written);
            firstFrame(FirstFrameAt.Value);
        }
    }

    private TimeSpan Frames(long frames) => TimeSpan.FromSeconds((double)frames / rate);
}
