using BroadcastHub.Audio.Loudness;

namespace BroadcastHub.Playout;

/// <summary>The loudness target of a zone: its own <c>Loudness:Zone{id}:KEY</c>, else <c>Loudness:KEY</c>, else the default.</summary>
public static class PlayoutLoudness
{
    /// <summary>The target of zone <paramref name="zoneId"/>, or the station-wide one when null.</summary>
    public static LoudnessTarget For(PlayoutOptions options, long? zoneId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = zoneId is { } z && options.ZoneLoudness.TryGetValue($"Zone{z}", out var own) ? own : null;
        var all = options.Loudness;
        var defaults = new LoudnessTarget();
        return new LoudnessTarget(
            zone?.TargetLufs ?? all.TargetLufs ?? defaults.TargetLufs,
            Math.Min(0, zone?.TruePeakCeilingDbtp ?? all.TruePeakCeilingDbtp ?? defaults.TruePeakCeilingDbtp),
            zone?.Enabled ?? all.Enabled ?? defaults.Enabled) { MaxGainDb = zone?.MaxGainDb ?? all.MaxGainDb ?? defaults.MaxGainDb };
    }
}
