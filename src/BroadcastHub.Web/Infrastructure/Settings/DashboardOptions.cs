using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>The live dashboard: <c>BroadcastHub:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "BroadcastHub:Dashboard";

    /// <summary>The event stream sends a heartbeat comment this often when nothing changes, so proxies keep it open.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}

/// <summary>Refuses a heartbeat outside 1–300 s.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions o) =>
        new OptionErrors(DashboardOptions.Section).Between(nameof(o.HeartbeatSeconds), o.HeartbeatSeconds, 1, 300).Result;
}
