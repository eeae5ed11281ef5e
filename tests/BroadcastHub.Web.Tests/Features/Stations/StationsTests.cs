using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>Station PCs: each zone's arm jobs travel on the queue of the station that plays it, and only that station airs it.</summary>
[Collection(AppCollection.Name)]
public sealed class StationsTests(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task Stations_are_created_listed_and_refused_with_specific_codes()
    {
        using var admin = await app.CreateApiClientAsync();
        var name = "Đài xã " + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/stations", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var station = await created.JsonAsync();
        var id = station.GetProperty("id").GetInt64();
        Assert.Equal($"station-{id}", station.GetProperty("queue").GetString());

        Assert.Equal("station_exists", await (await admin.PostAsJsonAsync("/api/stations", new { name })).ErrorCodeAsync());
        Assert.Equal("station_name_required", await (await admin.PostAsJsonAsync("/api/stations", new { name = "  " })).ErrorCodeAsync());

        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        Assert.Equal("station_not_found", await (await admin.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/station", new { stationId = 999_999 })).ErrorCodeAsync());
        Assert.Equal("zone_not_found", await (await admin.PutAsJsonAsync("/api/zones/999999/station", new { stationId = id })).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/station", new { stationId = id })).StatusCode);

        var listed = (await (await admin.GetAsync("/api/stations")).JsonAsync()).EnumerateArray().ToList();
        var mine = listed.Single(s => s.GetProperty("id").GetInt64() == id);
        Assert.False(mine.GetProperty("isThisStation").GetBoolean());
        Assert.Equal(commune.ZoneId, mine.GetProperty("zones").EnumerateArray().Single().GetProperty("zoneId").GetInt64());
        var main = listed.Single(s => s.GetProperty("id").GetInt64() == 1);
        Assert.True(main.GetProperty("isThisStation").GetBoolean());
        Assert.DoesNotContain(main.GetProperty("zones").EnumerateArray(), z => z.GetProperty("zoneId").GetInt64() == commune.ZoneId);

        using var operatorClient = await app.CreateApiClientForRoleAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/stations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/stations", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_occurrence_of_another_stations_zone_is_queued_for_that_station_and_not_armed_here()
    {
        var (scenario, occ, other) = await OccurrenceOnAnotherStationAsync();

        using (var scope = app.Services.CreateScope())
            Assert.True(scope.ServiceProvider.GetRequiredService<OccurrenceArmer>().EnsureArmed(occ));

        var monitoring = Get<JobStorage>().GetMonitoringApi();
        var queued = monitoring.EnqueuedJobs(other.Queue, 0, 10);
        Assert.Single(queued);
        var args = queued.Single().Value.Job.Args;
        Assert.Equal(other.Queue, args[0]);
        Assert.Equal(occ.Id, Convert.ToInt64(args[1]));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.DoesNotContain(scenario.Engine.ArmedOccurrences, o => o.Id == occ.Id);
        Assert.Equal(1, monitoring.EnqueuedCount(other.Queue));
    }

    [Fact]
    public async Task An_occurrence_of_this_stations_zone_is_armed_through_its_queue()
    {
        var scenario = new PlayoutScenario(app);
        var tone = await scenario.ApprovedToneAsync(1);
        var occ = scenario.Occurrence(DateTimeOffset.UtcNow.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(90), tone);

        using (var scope = app.Services.CreateScope())
            Assert.True(scope.ServiceProvider.GetRequiredService<OccurrenceArmer>().EnsureArmed(occ));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (scenario.Engine.ArmedOccurrences.All(o => o.Id != occ.Id) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains(scenario.Engine.ArmedOccurrences, o => o.Id == occ.Id);
    }

    [Fact]
    public async Task An_arm_job_reaching_a_station_that_no_longer_plays_the_zone_is_forwarded_to_the_right_queue()
    {
        var (scenario, occ, other) = await OccurrenceOnAnotherStationAsync();

        using (var scope = app.Services.CreateScope())
            ActivatorUtilities.CreateInstance<ArmOccurrenceJob>(scope.ServiceProvider).Run(Get<ThisStation>().Queue, occ.Id);

        Assert.DoesNotContain(scenario.Engine.ArmedOccurrences, o => o.Id == occ.Id);
        var forwarded = Get<JobStorage>().GetMonitoringApi().EnqueuedJobs(other.Queue, 0, 10).Single();
        Assert.Equal(forwarded.Key, Get<OccurrenceRepository>().ArmJob(occ.Id));
    }

    [Fact]
    public async Task Moving_a_zone_rearms_its_waiting_occurrences_on_the_new_stations_queue_at_once()
    {
        var scenario = new PlayoutScenario(app);
        var tone = await scenario.ApprovedToneAsync(1);
        var start = DateTimeOffset.UtcNow.AddHours(2);
        var occ = scenario.Occurrence(start, start.AddMinutes(5), tone);
        using (var scope = app.Services.CreateScope())
            Assert.True(scope.ServiceProvider.GetRequiredService<OccurrenceArmer>().EnsureArmed(occ));
        var oldJob = Get<OccurrenceRepository>().ArmJob(occ.Id)!;
        var other = Get<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..6])!;
        using var admin = await app.CreateApiClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/zones/{occ.ZoneId}/station", new { stationId = other.Id })).StatusCode);

        var newJob = Get<OccurrenceRepository>().ArmJob(occ.Id)!;
        Assert.NotEqual(oldJob, newJob);
        using var connection = Get<JobStorage>().GetConnection();
        Assert.Equal("Deleted", connection.GetJobData(oldJob)!.State);
        var rearmed = connection.GetJobData(newJob)!;
        Assert.Equal("Scheduled", rearmed.State);
        Assert.Equal(other.Queue, rearmed.Job.Args[0]);
    }

    /// <summary>An occurrence 40 s ahead whose zone was moved to a new station that this process does not run.</summary>
    private async Task<(PlayoutScenario Scenario, Occurrence Occurrence, Core.Places.Station Other)> OccurrenceOnAnotherStationAsync()
    {
        var scenario = new PlayoutScenario(app);
        var tone = await scenario.ApprovedToneAsync(1);
        var occ = scenario.Occurrence(DateTimeOffset.UtcNow.AddSeconds(40), DateTimeOffset.UtcNow.AddSeconds(100), tone);
        var other = Get<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..6])!;
        Get<StationRepository>().AssignZone(occ.ZoneId, other.Id);
        return (scenario, occ, other);
    }

    [Fact]
    public async Task The_stations_page_shows_this_station_its_zones_and_outputs_and_moves_a_zone()
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        var other = Get<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..6])!;
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var page = await admin.PageAsync("/stations");
        Assert.Contains("Máy phát tại đài", page);
        Assert.Contains(commune.Name, page);
        Assert.Contains("station-1", page);

        var moved = await admin.SubmitAsync("/stations", $"/stations/zones/{commune.ZoneId}",
            new Dictionary<string, string> { ["stationId"] = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other.Id, Get<StationRepository>().StationByZone()[commune.ZoneId]);

        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        await supervisor.PageAsync("/stations", HttpStatusCode.Forbidden);
    }
}
