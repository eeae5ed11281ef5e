using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>How far ahead the hub plans and when it arms occurrences: keys directly under <c>BroadcastHub</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "BroadcastHub";

    /// <summary>How many days ahead the planner keeps occurrences.</summary>
    public int HorizonDays { get; set; } = 14;

    /// <summary>How long before its start an occurrence is armed on the station.</summary>
    public int ArmLeadSeconds { get; set; } = 300;

    /// <summary>An occurrence whose start passed less than this ago still airs (late); beyond it, it is Missed.</summary>
    public int GraceSeconds { get; set; } = 120;

    /// <summary>Occurrences starting within this many hours get their Hangfire arm job now; later ones when the
    /// recurring planner reaches them (keeps Hangfire's storage small).</summary>
    public int ArmWindowHours { get; set; } = 24;

    /// <summary>Cron of the recurring planner job.</summary>
    public string PlannerCron { get; set; } = "*/15 * * * *";

    /// <summary>How often the planner job is checked and re-created if it went missing from Hangfire's storage.</summary>
    public int PlannerCheckSeconds { get; set; } = 60;
}

/// <summary>Refuses scheduling settings the planner and the armer cannot work with.</summary>
public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions o) => new OptionErrors(SchedulingOptions.Section)
        .Between(nameof(o.HorizonDays), o.HorizonDays, 1, 60)
        .Between(nameof(o.ArmLeadSeconds), o.ArmLeadSeconds, 5, 3600)
        .Between(nameof(o.GraceSeconds), o.GraceSeconds, 0, 3600)
        .Between(nameof(o.ArmWindowHours), o.ArmWindowHours, 1, 720)
        .Between(nameof(o.PlannerCheckSeconds), o.PlannerCheckSeconds, 1, 3600)
        .Check(CronShape.IsCron(o.PlannerCron), nameof(o.PlannerCron), "OptionIsNotACron", o.PlannerCron)
        .Result;
}
