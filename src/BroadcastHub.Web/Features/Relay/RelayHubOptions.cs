namespace BroadcastHub.Web.Features.Relay;

/// <summary>The hub's side of relay sources (<c>BroadcastHub:Relay</c>; the engine's keys are in <c>RelayOptions</c>).</summary>
public sealed class RelayHubOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub:Relay";

    /// <summary>
    /// Allows source URLs on loopback, private (RFC 1918 / ULA) and link-local addresses. Off by default, so the probe
    /// cannot be pointed at the hub's own services or its LAN; a district whose Icecast runs on the LAN turns it on.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Longest a probe may take before it is stopped and the source reported unreachable.</summary>
    public int ProbeTimeoutSeconds { get; set; } = 15;

    /// <summary>Longest the probe at booking time may take (shorter than an Admin's probe: an editor waits for it).</summary>
    public int BookingProbeTimeoutSeconds { get; set; } = 8;

    /// <summary>How long a booking-time probe's answer is reused for the same source and URL (0 = never).</summary>
    public int BookingProbeCacheSeconds { get; set; } = 60;

    /// <summary>Largest relay recording a station agent may upload, in megabytes (default 64).</summary>
    public int AgentRecordingMaxMegabytes { get; set; } = 64;
}
