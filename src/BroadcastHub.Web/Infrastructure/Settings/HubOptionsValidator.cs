using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>Refuses a hub whose data folder, time zone, station, upload limit or Hangfire storage cannot work.</summary>
public sealed class HubOptionsValidator : IValidateOptions<BroadcastHubOptions>
{
    private static readonly string[] HangfireStorages = ["SQLite", "InMemory"];

    public ValidateOptionsResult Validate(string? name, BroadcastHubOptions o) => new OptionErrors(BroadcastHubOptions.Section)
        .Required(nameof(o.DataPath), o.DataPath)
        .Check(TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone ?? "", out _), nameof(o.TimeZone), "OptionUnknownTimeZone", o.TimeZone)
        .Between(nameof(o.StationId), o.StationId, 1, long.MaxValue)
        .Between(nameof(o.MaxUploadBytes), o.MaxUploadBytes, 1024, 16L * 1024 * 1024 * 1024)
        .Between(nameof(o.LowDiskBytes), o.LowDiskBytes, 0, long.MaxValue)
        .Check(HangfireStorages.Contains(o.HangfireStorage, StringComparer.OrdinalIgnoreCase), nameof(o.HangfireStorage),
            "OptionMustBeOneOf", o.HangfireStorage, string.Join(", ", HangfireStorages))
        .Result;
}
