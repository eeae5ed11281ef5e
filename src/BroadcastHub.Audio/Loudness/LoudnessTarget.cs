namespace BroadcastHub.Audio.Loudness;

/// <summary>
/// A zone's loudness matching at playout: every item is brought to <paramref name="TargetLufs"/> integrated
/// loudness by a static gain taken from its stored analysis, then a true-peak limiter keeps the output at or below
/// <paramref name="TruePeakCeilingDbtp"/>. The originals are never modified.
/// </summary>
/// <remarks>
/// Why −16 LUFS by default: commune loudspeakers are horn speakers in the open air, heard over traffic, markets and
/// wind, through amplifiers whose gain is set once and left alone. Speech must be dense and even, and every item
/// must sit at the same level, so the quiet-room broadcast target of EBU R128 (−23 LUFS, made for wide dynamic
/// range on TV) is too low for the amplifier settings such networks use, while the "loudness war" levels of music
/// masters (−9 to −6 LUFS) would leave the limiter crushing every syllable. −16 LUFS is the level of speech
/// programmes on mobile and streaming platforms (AES TD1004, podcast guidance), made to be understood in noisy
/// places. With the −1 dBTP ceiling it leaves 15 dB for peaks, about the peak-to-loudness ratio of unprocessed
/// speech, so the limiter only shaves the loudest syllables. Raise the amplifier, not the target, when a cluster
/// is too quiet; lower the target (e.g. −18) for stations whose speakers sit close to homes.
/// </remarks>
/// <param name="TargetLufs">Integrated loudness every item is brought to, LUFS. Default −16.</param>
/// <param name="TruePeakCeilingDbtp">Largest true peak (≥ 4× oversampled) the output may reach, dBTP. Default −1.</param>
/// <param name="Enabled">False plays items untouched (bit-exact): no gain, no limiter.</param>
public sealed record LoudnessTarget(double TargetLufs = -16, double TruePeakCeilingDbtp = -1, bool Enabled = true)
{
    /// <summary>Largest boost or cut applied to an item, dB (the gain is clamped to ±this). Default 20.</summary>
    public double MaxGainDb { get; init; } = 20;

    /// <summary>Limiter look-ahead and attack time. Default 5 ms.</summary>
    public TimeSpan LookAhead { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Limiter release time constant. Default 150 ms.</summary>
    public TimeSpan Release { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The matching that leaves audio untouched.</summary>
    public static LoudnessTarget Off { get; } = new(Enabled: false);
}
