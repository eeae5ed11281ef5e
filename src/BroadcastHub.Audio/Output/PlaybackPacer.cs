namespace BroadcastHub.Audio.Output;

/// <summary>Receives one block of interleaved 16-bit samples.</summary>
internal delegate void BlockSink(ReadOnlySpan<short> samples);

/// <summary>Waits, on a playback thread, until a frame's start instant arrives or a stop is requested.</summary>
internal sealed class PlaybackPacer(TimeProvider time, long startTimestamp, int sampleRate, ManualResetEventSlim stop)
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MinStep = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Takes one block from <paramref name="reader"/> each time its start instant arrives and hands it to
    /// <paramref name="sink"/>, until the source ends (then waits until the last block has been heard) or a stop.
    /// </summary>
    public void Pump(Pcm16FrameReader reader, int blockFrames, Func<float> volume, BlockSink sink, Action<long> played)
    {
        var channels = reader.Format.Channels;
        var samples = new short[blockFrames * channels];
        long frames = 0;
        while (WaitForFrame(frames))
        {
            reader.Gain = volume();
            var n = reader.Read(samples);
            if (n == 0)
            {
                WaitForFrame(frames);
                return;
            }

            sink(samples.AsSpan(0, n));
            frames += n / channels;
            played(n / channels);
        }
    }

    /// <summary>Blocks until frame <paramref name="frame"/> is due; false if a stop was requested first.</summary>
    public bool WaitForFrame(long frame)
    {
        var due = TimeSpan.FromSeconds((double)frame / sampleRate);
        while (true)
        {
            var left = due - time.GetElapsedTime(startTimestamp);
            if (left <= TimeSpan.Zero)
            {
                return !stop.IsSet;
            }

            var step = left > MaxStep ? MaxStep : left < MinStep ? MinStep : left;
            if (stop.Wait(step))
            {
                return false;
            }
        }
    }
}
