namespace BroadcastHub.Station.Hosting;

/// <summary>
/// The agent's settings under <c>BroadcastHub</c> (environment: <c>BroadcastHub__Hub__Url</c> and so on).
/// Bound once and validated at start by <see cref="StationOptionsValidator"/>.
/// </summary>
public sealed class StationOptions
{
    /// <summary>The configuration section every key lives under.</summary>
    public const string Section = "BroadcastHub";

    /// <summary>How to reach the hub (<c>BroadcastHub:Hub:*</c>).</summary>
    public HubConnectionOptions Hub { get; set; } = new();

    /// <summary>Folder for the local database, media cache, recordings and logs (<c>BroadcastHub:DataPath</c>).</summary>
    public string DataPath { get; set; } = "./station-data";

    /// <summary>IANA time zone the station's sessions and policies are in (<c>BroadcastHub:TimeZone</c>, as on the hub).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Agent behaviour (<c>BroadcastHub:Station:*</c>).</summary>
    public StationAgentOptions Station { get; set; } = new();

    /// <summary><see cref="DataPath"/> made absolute against the working directory.</summary>
    public string FullDataPath => Path.GetFullPath(DataPath);

    /// <summary>Where cached media lives: <c>media/ab/abcd….audio</c>, the hub's own layout.</summary>
    public string MediaPath => Path.Combine(FullDataPath, "media");

    /// <summary>True when the agent has been given a hub address and a token.</summary>
    public bool IsEnrolled => !string.IsNullOrWhiteSpace(Hub.Url) && !string.IsNullOrWhiteSpace(Hub.StationToken);
}

/// <summary>The hub this agent belongs to.</summary>
public sealed class HubConnectionOptions
{
    /// <summary>Absolute http(s) address of the hub (<c>BroadcastHub:Hub:Url</c>); empty until enrolled.</summary>
    public string? Url { get; set; }

    /// <summary>The station token the hub showed once at enrolment (<c>BroadcastHub:Hub:StationToken</c>).</summary>
    public string? StationToken { get; set; }
}

/// <summary>What the agent keeps and how it fetches.</summary>
public sealed class StationAgentOptions
{
    /// <summary>Days of occurrences (and their media) kept ahead (<c>BroadcastHub:Station:CacheDays</c>).</summary>
    public int CacheDays { get; set; } = 3;

    /// <summary>Media downloads running at once; small, because the link is often 4G.</summary>
    public int MaxConcurrentDownloads { get; set; } = 2;

    /// <summary>Attempts per media file in one fetch before giving up until the next sync.</summary>
    public int DownloadAttempts { get; set; } = 3;

    /// <summary>Seconds a download may stall (no bytes) before it is cut and resumed.</summary>
    public int DownloadIdleSeconds { get; set; } = 60;

    /// <summary>Seconds between polls of the hub's manifest, airtime upload and heartbeat (<c>BroadcastHub:Station:PollSeconds</c>).</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Default of <see cref="RetryFirstSeconds"/>.</summary>
    public const int DefaultRetryFirstSeconds = 5;

    /// <summary>Default of <see cref="RetryMaxSeconds"/>.</summary>
    public const int DefaultRetryMaxSeconds = 300;

    /// <summary>Seconds before the first retry after a failed sync round; doubles with each failure (<c>BroadcastHub:Station:RetryFirstSeconds</c>).</summary>
    public int RetryFirstSeconds { get; set; } = DefaultRetryFirstSeconds;

    /// <summary>Longest wait between failed sync rounds, unless <see cref="PollSeconds"/> is longer (<c>BroadcastHub:Station:RetryMaxSeconds</c>).</summary>
    public int RetryMaxSeconds { get; set; } = DefaultRetryMaxSeconds;
}
