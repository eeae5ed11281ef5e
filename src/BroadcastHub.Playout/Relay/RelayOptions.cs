namespace BroadcastHub.Playout.Relay;

/// <summary>How a relay (a live stream in a session) airs (<c>BroadcastHub:Relay</c>), checked at start.</summary>
public sealed class RelayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub:Relay";

    /// <summary>Seconds before a relay item's planned start that its stream is opened (default 8).</summary>
    public double PrerollSeconds { get; set; } = 8;

    /// <summary>The approved bulletin that fills a relay while its stream is away, when the commune has no evergreen playlist.</summary>
    public long? FillBulletinId { get; set; }

    /// <summary>Longest wait between two reconnection attempts (back-off 0.5 s, 1 s, 2 s … up to this; default 5).</summary>
    public double ReconnectMaxSeconds { get; set; } = 5;

    /// <summary>Days a relay recording is kept (default 90).</summary>
    public int RecordingRetentionDays { get; set; } = 90;

    /// <summary>Largest gain the short-term leveller gives a quiet relay (default 12 dB).</summary>
    public double LevellerMaxGainDb { get; set; } = 12;
}
