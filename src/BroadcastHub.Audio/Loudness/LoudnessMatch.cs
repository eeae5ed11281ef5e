using BroadcastHub.Audio.Analysis;
using NAudio.Wave;

namespace BroadcastHub.Audio.Loudness;

/// <summary>Builds the playout stage that matches an item's loudness to a zone's target.</summary>
public static class LoudnessMatch
{
    /// <summary>
    /// Wraps <paramref name="source"/> (an item, already in the output's house format) in a static gain of
    /// <see cref="GainDb"/> followed by a <see cref="TruePeakLimiterSampleProvider"/> at the target's ceiling. The
    /// result delivers exactly as many frames as the source, sample-aligned with it (the limiter's look-ahead is
    /// compensated internally), so gapless joins stay sample-exact. When <see cref="LoudnessTarget.Enabled"/> is
    /// false, <paramref name="source"/> itself is returned.
    /// </summary>
    /// <param name="source">The item's audio in house format.</param>
    /// <param name="itemIntegratedLufs">The item's stored integrated loudness (from its analysis), LUFS.</param>
    /// <param name="target">The zone's target and ceiling.</param>
    /// <param name="measuredChannels">
    /// Channel count the loudness was measured with, when the chain changed it (e.g. a stereo file downmixed to a
    /// mono house format); 0 means "same as <paramref name="source"/>". See <see cref="LayoutCorrectionDb"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The ceiling is above 0 dBTP or not a number.</exception>
    public static ISampleProvider Apply(
        ISampleProvider source, double itemIntegratedLufs, LoudnessTarget target, int measuredChannels = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Enabled) return source;
        var correction = LayoutCorrectionDb(measuredChannels, source.WaveFormat.Channels);
        var gain = new LoudnessGainSampleProvider(source, GainDb(itemIntegratedLufs + correction, target));
        return new TruePeakLimiterSampleProvider(gain, target.TruePeakCeilingDbtp, target.LookAhead, target.Release);
    }

    /// <summary>
    /// The static gain for an item: target minus the item's loudness, clamped to ±<see cref="LoudnessTarget.MaxGainDb"/>;
    /// 0 when matching is disabled or the loudness is unknown or silent (not finite, or at or below the
    /// <see cref="AudioAnalysis.GateFloorLufs"/> the analysis stores for silence), so silence is never boosted.
    /// </summary>
    public static double GainDb(double itemIntegratedLufs, LoudnessTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Enabled || !double.IsFinite(itemIntegratedLufs) || itemIntegratedLufs <= AudioAnalysis.GateFloorLufs)
            return 0;
        var limit = Math.Abs(target.MaxGainDb);
        return Math.Clamp(target.TargetLufs - itemIntegratedLufs, -limit, limit);
    }

    /// <summary>
    /// How much the loudness of correlated channels changes when the house format averages
    /// <paramref name="measuredChannels"/> down (or copies up) to <paramref name="playedChannels"/>:
    /// 10·log10(played / measured) dB, e.g. −3.01 dB for a dual-mono stereo file played in mono. Speech bulletins
    /// are near dual-mono; wide, uncorrelated stereo loses up to 3 dB more and plays that much under target.
    /// 0 when either count is not positive or they are equal.
    /// </summary>
    public static double LayoutCorrectionDb(int measuredChannels, int playedChannels) =>
        measuredChannels <= 0 || playedChannels <= 0 || measuredChannels == playedChannels
            ? 0
            : 10 * Math.Log10(playedChannels / (double)measuredChannels);
}
