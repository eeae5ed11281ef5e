using System.Globalization;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>Refuses a default broadcast policy that is not times of day, ISO weekdays and positive limits.</summary>
public sealed class DefaultPolicyOptionsValidator : IValidateOptions<DefaultPolicyOptions>
{
    public const string Section = "BroadcastHub:DefaultPolicy";

    /// <summary>The forms a time of day may take in the settings.</summary>
    public static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public ValidateOptionsResult Validate(string? name, DefaultPolicyOptions o) => new OptionErrors(Section)
        .Check(IsTime(o.AllowedFrom), nameof(o.AllowedFrom), "OptionIsNotATimeOfDay", o.AllowedFrom)
        .Check(IsTime(o.AllowedTo), nameof(o.AllowedTo), "OptionIsNotATimeOfDay", o.AllowedTo)
        .Check(o.Weekdays is { Length: > 0 } days && days.All(d => d is >= 1 and <= 7), nameof(o.Weekdays), "OptionWeekdays",
            string.Join(",", o.Weekdays ?? []))
        .Between(nameof(o.MaxSessionMinutes), o.MaxSessionMinutes, 1, 1440)
        .Between(nameof(o.MaxSessionsPerDay), o.MaxSessionsPerDay, 1, 1440)
        .Result;

    private static bool IsTime(string? text) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
