namespace BroadcastHub.Audio.Analysis;

/// <summary>Streaming sample peak, clipped-sample count and leading/trailing silence of interleaved audio.</summary>
public sealed class SampleStatistics
{
    /// <summary>Absolute sample value at or above which a sample counts as clipped.</summary>
    public const float ClipLevel = 0.9999f;

    /// <summary>Level below which audio counts as silence (−60 dBFS).</summary>
    public static readonly float SilenceLevel = (float)Math.Pow(10, -60 / 20.0);

    private readonly int _channels;

    /// <summary>Creates statistics for interleaved audio with <paramref name="channels"/> channels.</summary>
    public SampleStatistics(int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _channels = channels;
    }

    /// <summary>Frames seen.</summary>
    public long Frames { get; private set; }

    /// <summary>Largest absolute sample value (linear).</summary>
    public float SamplePeak { get; private set; }

    /// <summary>Samples (not frames) with an absolute value of at least <see cref="ClipLevel"/>.</summary>
    public long ClippedSamples { get; private set; }

    /// <summary>Index of the first frame with any channel above <see cref="SilenceLevel"/>, or null if all silent.</summary>
    public long? FirstSoundFrame { get; private set; }

    /// <summary>Index of the last frame with any channel above <see cref="SilenceLevel"/>, or null if all silent.</summary>
    public long? LastSoundFrame { get; private set; }

    /// <summary>Adds interleaved samples (a whole number of frames).</summary>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % _channels != 0)
            throw new ArgumentException($"Pass whole frames ({_channels} samples each).", nameof(interleaved));
        var peak = SamplePeak;
        long clipped = 0;
        var frame = Frames;
        for (var i = 0; i < interleaved.Length; i += _channels, frame++)
        {
            var loudest = 0f;
            for (var c = 0; c < _channels; c++)
            {
                var a = Math.Abs(interleaved[i + c]);
                if (a >= ClipLevel) clipped++;
                if (a > loudest) loudest = a;
            }

            if (loudest > peak) peak = loudest;
            if (loudest < SilenceLevel) continue;
            FirstSoundFrame ??= frame;
            LastSoundFrame = frame;
        }

        (SamplePeak, ClippedSamples, Frames) = (peak, ClippedSamples + clipped, frame);
    }
}
