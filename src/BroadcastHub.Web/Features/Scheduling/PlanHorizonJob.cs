using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using Hangfire;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Recurring Hangfire job: keep the horizon planned and armed.</summary>
public sealed class PlanHorizonJob(SchedulePlanner planner, PlanningWatch watch)
{
    public const string RecurringId = "plan-horizon";

    /// <summary>Registers (or updates) the recurring job under <see cref="RecurringId"/>.</summary>
    public static void Register(IRecurringJobManager recurring, string cron) =>
        recurring.AddOrUpdate<PlanHorizonJob>(RecurringId, j => j.Run(), cron);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public int Run()
    {
        var planned = planner.PlanHorizon();
        watch.Planned();
        return planned;
    }
}
