using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>An open ALSA playback PCM (interleaved S16_LE); used from one thread at a time.</summary>
internal sealed class AlsaPcm : IDisposable
{
    private const int MaxConsecutiveFailures = 10;
    private readonly string device;
    private readonly int channels;
    private nint handle;

    private AlsaPcm(nint handle, string device, int channels)
    {
        this.handle = handle;
        this.device = device;
        this.channels = channels;
    }

    /// <summary>Underruns (or suspends) recovered from so far.</summary>
    public int Recoveries { get; private set; }

    /// <summary>True while the stream is running (its hardware pointer is advancing).</summary>
    public bool IsRunning => AlsaNative.snd_pcm_state(handle) == AlsaNative.StateRunning;

    /// <summary>Opens <paramref name="device"/> for blocking playback in <paramref name="format"/> (16-bit PCM).</summary>
    /// <exception cref="IOException">The device cannot be opened or configured.</exception>
    public static AlsaPcm Open(string device, WaveFormat format, TimeSpan latency)
    {
        AlsaNative.Check(AlsaNative.snd_pcm_open(out var h, device, AlsaNative.StreamPlayback, 0), "open", device);
        var pcm = new AlsaPcm(h, device, format.Channels);
        try
        {
            AlsaNative.Check(AlsaNative.snd_pcm_set_params(
                h, AlsaNative.FormatS16Le, AlsaNative.AccessRwInterleaved, (uint)format.Channels,
                (uint)format.SampleRate, 1, (uint)latency.TotalMicroseconds), "set_params", device);
            return pcm;
        }
        catch
        {
            pcm.Dispose();
            throw;
        }
    }

    /// <summary>Writes all of <paramref name="samples"/> (whole frames), recovering from underruns.</summary>
    /// <exception cref="IOException">The device failed and could not be recovered.</exception>
    public unsafe void Write(ReadOnlySpan<short> samples)
    {
        var frames = samples.Length / channels;
        var done = 0;
        var failures = 0;
        fixed (short* p = samples)
        {
            while (done < frames)
            {
                var r = (long)AlsaNative.snd_pcm_writei(handle, p + (done * channels), (nuint)(frames - done));
                if (r >= 0)
                {
                    done += (int)r;
                    failures = 0;
                    continue;
                }

                if (++failures > MaxConsecutiveFailures)
                {
                    AlsaNative.Check(r, "write", device);
                }

                AlsaNative.Check(AlsaNative.snd_pcm_recover(handle, (int)r, 1), $"recover from '{AlsaNative.Describe((int)r)}'", device);
                Recoveries++;
            }
        }
    }

    /// <summary>Frames between the next frame written and the listener, or null if ALSA cannot tell.</summary>
    public long? Delay() => AlsaNative.snd_pcm_delay(handle, out var d) >= 0 ? d : null;

    /// <summary>Blocks until everything written has been played.</summary>
    public void Drain() => AlsaNative.Check(AlsaNative.snd_pcm_drain(handle), "drain", device);

    /// <summary>Stops at once, discarding what is still buffered.</summary>
    public void Drop() => AlsaNative.snd_pcm_drop(handle);

    /// <inheritdoc />
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h != 0)
        {
            AlsaNative.snd_pcm_close(h);
        }
    }

    /// <summary>Whether <paramref name="device"/> opens for playback; <paramref name="error"/> says why not.</summary>
    public static bool TryOpen(string device, out string? error)
    {
        var r = AlsaNative.snd_pcm_open(out var h, device, AlsaNative.StreamPlayback, AlsaNative.ModeNonBlock);
        if (r < 0)
        {
            error = $"ALSA device '{device}' cannot be opened: {AlsaNative.Describe(r)}";
            return false;
        }

        AlsaNative.snd_pcm_close(h);
        error = null;
        return true;
    }
}
