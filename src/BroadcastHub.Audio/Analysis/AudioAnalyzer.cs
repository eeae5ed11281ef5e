using BroadcastHub.Audio.Decoding;

namespace BroadcastHub.Audio.Analysis;

/// <summary>Validates and measures an audio file by decoding it once, streaming.</summary>
public static class AudioAnalyzer
{
    private const int BlockFrames = 4096;
    private const double LongSilenceSeconds = 3;

    /// <summary>
    /// Decodes the whole file at <paramref name="path"/> once to validate it and measure loudness, peaks, clipping
    /// and silence. Throws <see cref="AudioRejectedException"/> when the file is refused (see <see cref="AudioDecoder.Open"/>)
    /// or decodes to no audio; <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires.
    /// </summary>
    public static AudioAnalysis Analyze(string path, CancellationToken cancel = default)
    {
        using var source = AudioDecoder.Open(path);
        var (rate, channels) = (source.WaveFormat.SampleRate, source.WaveFormat.Channels);
        var loudness = new LoudnessMeter(rate, channels);
        var truePeak = new TruePeakMeter(rate, channels);
        var stats = new SampleStatistics(channels);
        var buffer = new float[BlockFrames * channels];
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            var block = buffer.AsSpan(0, n);
            loudness.Add(block);
            truePeak.Add(block);
            stats.Add(block);
        }

        if (stats.Frames == 0)
            throw new AudioRejectedException(AudioErrorCodes.NoAudio, "The file decoded to no audio samples.");
        var warnings = source is IAudioSourceWarnings w ? w.Warnings.ToList() : [];
        return Summarise(source, rate, channels, loudness, truePeak, stats, warnings);
    }

    private static AudioAnalysis Summarise(IAudioSource source, int rate, int channels, LoudnessMeter loudness,
        TruePeakMeter truePeak, SampleStatistics stats, List<string> warnings)
    {
        var frames = stats.Frames;
        if (source.TotalFrames is { } declared && declared != frames)
            warnings.Add($"The file declared {MessageText.N(declared)} frames but {MessageText.N(frames)} were decoded.");
        var lufs = loudness.IntegratedLufs;
        if (double.IsNegativeInfinity(lufs))
        {
            warnings.Add("The audio is silent (nothing above −70 LUFS), or shorter than one 400 ms measuring block.");
            lufs = AudioAnalysis.GateFloorLufs;
        }

        var samplePeak = AudioAnalysis.ToDb(stats.SamplePeak);
        var tp = AudioAnalysis.ToDb(Math.Max(truePeak.TruePeak, stats.SamplePeak));
        if (stats.ClippedSamples > 0)
            warnings.Add($"{MessageText.N(stats.ClippedSamples)} samples are at full scale (clipped); the recording may be distorted.");
        var leading = (stats.FirstSoundFrame ?? frames) / (double)rate;
        var trailing = (frames - 1 - (stats.LastSoundFrame ?? -1)) / (double)rate;
        if (stats.FirstSoundFrame is null) leading = trailing = frames / (double)rate;
        else if (leading > LongSilenceSeconds || trailing > LongSilenceSeconds)
            warnings.Add(FormattableString.Invariant(
                $"Long silence (below −60 dBFS): {leading:F1} s at the start, {trailing:F1} s at the end."));
        return new AudioAnalysis(source.Codec, rate, channels, frames, frames / (double)rate, lufs, tp, samplePeak,
            stats.ClippedSamples, leading, trailing, warnings);
    }
}
