using BroadcastHub.Web.Services;
using Hangfire;

namespace BroadcastHub.Web.Jobs;

/// <summary>Recurring Hangfire job: keep the horizon planned and armed.</summary>
public sealed class PlanHorizonJob(SchedulePlanner planner)
{
    public const string RecurringId = "plan-horizon";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public int Run() => planner.PlanHorizon();
}
