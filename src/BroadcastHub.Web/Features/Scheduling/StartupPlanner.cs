using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using Hangfire;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>On start: register the recurring planner and re-plan and re-arm the horizon from the app database.</summary>
public sealed class StartupPlanner(IServiceProvider services, IRecurringJobManager recurring, IOptions<SchedulingOptions> options,
    PlanningWatch watch, ILogger<StartupPlanner> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        PlanHorizonJob.Register(recurring, options.Value.PlannerCron);
        using var scope = services.CreateScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanHorizon();
            watch.Planned();
        }
        catch (Exception e)
        {
            log.LogError(e, "Initial planning failed; the recurring planner will retry");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
