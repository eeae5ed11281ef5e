using Microsoft.Extensions.Configuration;

namespace BroadcastHub.Playout;

/// <summary>
/// The playout keys of the <c>BroadcastHub</c> section, the same on the hub and on a station agent: data folder,
/// grace, house format, outputs, loudness and dead air. Bound once and checked at start (<see cref="PlayoutOptionsValidator"/>).
/// </summary>
public sealed class PlayoutOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub";

    /// <summary>Folder under which recordings (<c>air/</c>) and the airtime spool live; the host gives the default.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>An occurrence whose start passed less than this ago still airs (late); beyond it, it is Missed.</summary>
    public int GraceSeconds { get; set; } = 120;

    /// <summary>Format every zone plays in.</summary>
    public HouseFormatSettings HouseFormat { get; set; } = new();

    /// <summary><c>Default</c>, <c>Zone{id}</c>, <c>Fallback</c>, <c>Retries</c> and <c>RetryDelayMilliseconds</c>.</summary>
    public Dictionary<string, string> Outputs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Station-wide loudness matching (<c>BroadcastHub:Loudness:*</c>).</summary>
    public LoudnessSettings Loudness { get; set; } = new();

    /// <summary>Per-zone overrides of <see cref="Loudness"/> (<c>BroadcastHub:Loudness:Zone{id}:*</c>).</summary>
    [ConfigurationKeyName("Loudness")]
    public Dictionary<string, LoudnessSettings> ZoneLoudness { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dead-air detection (<c>BroadcastHub:DeadAir:*</c>).</summary>
    public DeadAirSettings DeadAir { get; set; } = new();

    /// <summary><see cref="DataPath"/> made absolute.</summary>
    public string FullDataPath => Path.GetFullPath(DataPath);

    /// <summary>Where the <c>file</c> output writes.</summary>
    public string RecordingsPath => Path.Combine(FullDataPath, "air");

    /// <summary>The output spec for a zone: its own key, else <c>Default</c>, else <c>auto</c>.</summary>
    public string OutputFor(long zoneId) =>
        Outputs.TryGetValue($"Zone{zoneId}", out var own) ? own
        : Outputs.TryGetValue("Default", out var all) ? all
        : "auto";

    /// <summary>Times a failed output is reopened before the fallback (<c>Outputs:Retries</c>, default 2).</summary>
    public int OutputRetries => Outputs.TryGetValue("Retries", out var n) ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 2;

    /// <summary>Wait before each reopening (<c>Outputs:RetryDelayMilliseconds</c>, default 500).</summary>
    public TimeSpan OutputRetryDelay => TimeSpan.FromMilliseconds(
        Outputs.TryGetValue("RetryDelayMilliseconds", out var ms) ? int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) : 500);

    /// <summary>The output a zone airs on once its own has used up its retries (<c>Outputs:Fallback</c>, default <c>file</c>).</summary>
    public string FallbackOutput => Outputs.TryGetValue("Fallback", out var spec) ? spec : "file";
}

/// <summary>Sample rate and channel count of the audio sent to outputs.</summary>
public sealed class HouseFormatSettings
{
    /// <summary>Samples per second (8000–192000).</summary>
    public int SampleRate { get; set; } = 44100;

    /// <summary>1 or 2.</summary>
    public int Channels { get; set; } = 1;
}

/// <summary>Loudness matching at playout; a null value falls back to the station-wide one, then to the default.</summary>
public sealed class LoudnessSettings
{
    /// <summary>Whether gain is applied at all.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Integrated loudness every item is brought to.</summary>
    public double? TargetLufs { get; set; }

    /// <summary>True-peak ceiling of the limiter (never above 0).</summary>
    public double? TruePeakCeilingDbtp { get; set; }

    /// <summary>Largest gain applied to a quiet item.</summary>
    public double? MaxGainDb { get; set; }
}

/// <summary>Silence this long below the threshold while an item should be audible is dead air.</summary>
public sealed class DeadAirSettings
{
    /// <summary>Seconds of silence before the alert (default 10).</summary>
    public double Seconds { get; set; } = 10;

    /// <summary>Level below which audio counts as silence (default −50 dBFS).</summary>
    public double ThresholdDbfs { get; set; } = -50;
}
