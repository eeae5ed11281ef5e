using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Re-creates the recurring planner job when it has gone from Hangfire's storage (deleted on the dashboard, storage
/// rebuilt), without waiting for a restart, and has it run at once. Checks every
/// <c>BroadcastHub:PlannerCheckSeconds</c> (default 60, 1–3600).
/// </summary>
public sealed class PlannerWatchdog(
    JobStorage storage, IRecurringJobManager recurring, IOptions<SchedulingOptions> options,
    TimeProvider time, ILogger<PlannerWatchdog> log) : BackgroundService
{
    /// <summary>Seconds between two checks.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PlannerCheckSeconds);

    /// <summary>Re-creates the job if it is missing; true when it did.</summary>
    public bool EnsureRecurringJob()
    {
        using (var connection = storage.GetConnection())
        {
            var entries = connection.GetAllEntriesFromHash($"recurring-job:{PlanHorizonJob.RecurringId}");
            if (entries is { Count: > 0 }) return false;
        }
        PlanHorizonJob.Register(recurring, options.Value.PlannerCron);
        recurring.Trigger(PlanHorizonJob.RecurringId);
        log.LogWarning("The recurring planner job {Id} was missing from Hangfire's storage; re-created and started", PlanHorizonJob.RecurringId);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                EnsureRecurringJob();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Checking the recurring planner job failed; trying again in {Interval}", Interval);
            }
        }
    }
}
