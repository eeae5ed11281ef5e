using System.Globalization;
using BroadcastHub.Audio.Loudness;

namespace BroadcastHub.Web.Cli;

/// <summary>
/// Reads a zone's <see cref="LoudnessTarget"/> from configuration: <c>BroadcastHub:Loudness:Zone{id}:KEY</c>, else
/// <c>BroadcastHub:Loudness:KEY</c>, else the default, for KEY in <c>Enabled</c>, <c>TargetLufs</c>,
/// <c>TruePeakCeilingDbtp</c>, <c>MaxGainDb</c> (environment: <c>BroadcastHub__Loudness__TargetLufs</c>...).
/// </summary>
public static class LoudnessConfiguration
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BroadcastHub:Loudness";

    /// <summary>The target of zone <paramref name="zoneId"/>, or the station-wide one when null.</summary>
    /// <exception cref="InvalidOperationException">A value is not a number (or not true/false for Enabled).</exception>
    public static LoudnessTarget For(IConfiguration config, long? zoneId = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new LoudnessTarget();
        string? Raw(string key) =>
            (zoneId is { } z ? config[$"{Section}:Zone{z}:{key}"] : null) ?? config[$"{Section}:{key}"];
        double Number(string key, double fallback) => Raw(key) is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v : throw new InvalidOperationException($"{Section}:{key} must be a number, not '{s}'.")
            : fallback;
        var enabled = Raw("Enabled") is { } e
            ? bool.TryParse(e, out var b) ? b : throw new InvalidOperationException($"{Section}:Enabled must be true or false, not '{e}'.")
            : defaults.Enabled;
        return new LoudnessTarget(
            Number("TargetLufs", defaults.TargetLufs),
            Math.Min(0, Number("TruePeakCeilingDbtp", defaults.TruePeakCeilingDbtp)),
            enabled) { MaxGainDb = Number("MaxGainDb", defaults.MaxGainDb) };
    }
}
