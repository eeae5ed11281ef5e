namespace BroadcastHub.Audio.Analysis;

/// <summary>
/// What a full decode of an audio file measured. All figures are finite (JSON-safe): levels of digital silence
/// are reported at <see cref="FloorDb"/>, and integrated loudness with no block above the absolute gate at
/// <see cref="GateFloorLufs"/> (with a warning).
/// </summary>
/// <param name="Codec">Codec in ffmpeg's spelling (<c>mp3</c>, <c>pcm_s16le</c>...).</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="Frames">Decoded sample frames (after MP3 gapless trimming).</param>
/// <param name="DurationSeconds">Frames divided by sample rate.</param>
/// <param name="IntegratedLufs">ITU-R BS.1770-4 integrated loudness, LUFS.</param>
/// <param name="TruePeakDbtp">True peak (4× oversampled below 96 kHz), dBTP.</param>
/// <param name="SamplePeakDbfs">Largest absolute sample, dBFS.</param>
/// <param name="ClippedSamples">Samples with |x| ≥ 0.9999.</param>
/// <param name="LeadingSilenceSeconds">Time before the first sample above −60 dBFS.</param>
/// <param name="TrailingSilenceSeconds">Time after the last sample above −60 dBFS.</param>
/// <param name="Warnings">Damage the decoder recovered from, and problems worth a technician's look.</param>
public sealed record AudioAnalysis(
    string Codec, int SampleRate, int Channels, long Frames, double DurationSeconds,
    double IntegratedLufs, double TruePeakDbtp, double SamplePeakDbfs, long ClippedSamples,
    double LeadingSilenceSeconds, double TrailingSilenceSeconds, IReadOnlyList<string> Warnings)
{
    /// <summary>Level reported for digital silence, dB.</summary>
    public const double FloorDb = -144;

    /// <summary>Integrated loudness reported when nothing is above the −70 LUFS absolute gate.</summary>
    public const double GateFloorLufs = -70;

    /// <summary>Converts a linear amplitude to dB, floored at <see cref="FloorDb"/>.</summary>
    public static double ToDb(double linear) => linear > 0 ? Math.Max(FloorDb, 20 * Math.Log10(linear)) : FloorDb;
}
