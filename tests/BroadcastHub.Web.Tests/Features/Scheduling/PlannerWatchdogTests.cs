using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>The app with the planner job checked every second.</summary>
public sealed class PlannerWatchAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BroadcastHub:PlannerCheckSeconds", "1");
    }
}

[CollectionDefinition(Name)]
public sealed class PlannerWatchCollection : ICollectionFixture<PlannerWatchAppFactory>
{
    public const string Name = "planner-watch";
}

/// <summary>The recurring planner comes back by itself when it vanishes, and /health says when planning stalls.</summary>
[Collection(PlannerWatchCollection.Name)]
public sealed class PlannerWatchdogTests(PlannerWatchAppFactory app)
{
    private bool RecurringJobExists()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetAllEntriesFromHash($"recurring-job:{PlanHorizonJob.RecurringId}") is { Count: > 0 };
    }

    [Fact]
    public async Task A_deleted_recurring_planner_job_is_re_created_without_a_restart_and_planning_runs()
    {
        _ = app.Services;
        Assert.True(RecurringJobExists());
        var watch = app.Services.GetRequiredService<PlanningWatch>();
        watch.Planned(DateTimeOffset.UnixEpoch);

        app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(PlanHorizonJob.RecurringId);
        Assert.False(RecurringJobExists());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(RecurringJobExists() && watch.LastPlannedUtc > DateTimeOffset.UnixEpoch) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(RecurringJobExists(), "the recurring planner job was not re-created");
        Assert.True(watch.LastPlannedUtc > DateTimeOffset.UnixEpoch, "the re-created planner did not run");
    }

    [Fact]
    public async Task Health_raises_planning_stale_when_planning_has_not_run_for_two_periods()
    {
        var watch = app.Services.GetRequiredService<PlanningWatch>();
        Assert.Equal(TimeSpan.FromMinutes(15), watch.Period);
        var client = app.CreateClient();
        watch.Planned();
        Assert.DoesNotContain(Codes(await client.GetFromJsonAsync<JsonElement>("/health")), c => c == PlanningWatch.StaleCode);

        watch.Planned(DateTimeOffset.UtcNow - 2 * watch.Period - TimeSpan.FromMinutes(1));
        var stale = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Contains(PlanningWatch.StaleCode, Codes(stale));
        Assert.Equal("degraded", stale.GetProperty("status").GetString());
        Assert.True(stale.GetProperty("planning").GetProperty("stale").GetBoolean());
        watch.Planned();
    }

    [Theory]
    [InlineData("*/15 * * * *", 15)]
    [InlineData("0 * * * *", 60)]
    [InlineData("5/20 * * * *", 20)]
    [InlineData("30 4 * * *", 1440)]
    [InlineData("0 3 * * 1", 10080)]
    [InlineData("@hourly", 999)]
    [InlineData("61 * * * *", 999)]
    public void The_period_comes_from_the_planner_cron(string cron, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), CronPeriod.Of(cron, TimeSpan.FromMinutes(999)));

    private static IEnumerable<string?> Codes(JsonElement health) =>
        health.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
}
