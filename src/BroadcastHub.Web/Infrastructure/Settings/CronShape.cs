using System.Text.RegularExpressions;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>Whether a setting has the shape of a cron expression Hangfire accepts: five (or six) fields of cron characters.</summary>
public static partial class CronShape
{
    public static bool IsCron(string? cron) => cron is not null && Shape().IsMatch(cron.Trim());

    [GeneratedRegex(@"^[0-9A-Za-z*,/\-?#]+(\s+[0-9A-Za-z*,/\-?#]+){4,5}$")]
    private static partial Regex Shape();
}
