namespace BroadcastHub.Web.Infrastructure;

/// <summary>The <c>BroadcastHub</c> configuration section. Every key can be overridden by an environment variable
/// such as <c>BroadcastHub__DataPath</c>.</summary>
public sealed class BroadcastHubOptions
{
    public const string Section = "BroadcastHub";

    /// <summary>Folder for the databases, media, recordings and logs; created on first start.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>IANA time zone of the station; session rules are evaluated in it.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary><c>SQLite</c> (default) or <c>InMemory</c> (tests that do not test Hangfire itself).</summary>
    public string HangfireStorage { get; set; } = "SQLite";

    /// <summary>The station this process plays for: it airs only the zones assigned to that station and takes their
    /// arm jobs from the station's Hangfire queue (<c>station-{id}</c>). Station 1 unless configured.</summary>
    public long StationId { get; set; } = BroadcastHub.Core.Places.Station.MainId;

    /// <summary>Below this much free space on the data folder's disk, an alert is raised.</summary>
    public long LowDiskBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Creates a small demo province on first start when true.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Outputs: <c>Default</c> for every zone, and <c>Zone{id}</c> keys to override one zone.</summary>
    public Dictionary<string, string> Outputs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Format every zone plays in.</summary>
    public HouseFormatOptions HouseFormat { get; set; } = new();

    /// <summary>The output spec for a zone: its own key, else <c>Default</c>, else <c>auto</c>.</summary>
    public string OutputFor(long zoneId) =>
        Outputs.TryGetValue($"Zone{zoneId}", out var own) ? own
        : Outputs.TryGetValue("Default", out var all) ? all
        : "auto";

    public string FullDataPath => Path.GetFullPath(DataPath);
    public string AppDatabasePath => Path.Combine(FullDataPath, "broadcasthub.db");
    public string HangfireDatabasePath => Path.Combine(FullDataPath, "hangfire.db");

    /// <summary>The media store (content-addressed originals): <c>BroadcastHub:MediaPath</c> when set (several hub nodes
    /// point it at one shared volume), else <c>media/</c> under the data folder.</summary>
    public string MediaPath
    {
        get => _mediaPath is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(FullDataPath, "media");
        set => _mediaPath = value;
    }

    private string? _mediaPath;
    public string UploadTempPath => Path.Combine(FullDataPath, "tmp");
    public string RecordingsPath => Path.Combine(FullDataPath, "air");
    public string LogsPath => Path.Combine(FullDataPath, "logs");
}

/// <summary>Sample rate and channel count of the audio sent to outputs.</summary>
public sealed class HouseFormatOptions
{
    public int SampleRate { get; set; } = 44100;
    public int Channels { get; set; } = 1;
}

/// <summary>The station's default broadcast policy (05:00–21:00 every day unless configured), bound from
/// <c>BroadcastHub:DefaultPolicy</c>. <c>AllowedTo</c> "00:00" means midnight at the end of the day.</summary>
public sealed class DefaultPolicyOptions
{
    public string AllowedFrom { get; set; } = "05:00";
    public string AllowedTo { get; set; } = "21:00";
    public int[] Weekdays { get; set; } = [1, 2, 3, 4, 5, 6, 7];
    public int MaxSessionMinutes { get; set; } = 120;
    public int MaxSessionsPerDay { get; set; } = 4;
}
