using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Features.Stations;

[Collection(AppCollection.Name)]
public sealed class StationAlertsTests(AppFactory app)
{
    [Fact]
    public async Task Health_reports_disk_clock_and_a_missing_media_file_for_an_upcoming_occurrence()
    {
        var scenario = new PlayoutScenario(app);
        var bulletin = await scenario.ApprovedToneAsync(0.5);
        var start = DateTimeOffset.UtcNow.AddHours(2);
        scenario.Occurrence(start, start.AddMinutes(5), bulletin);
        var media = app.Services.GetRequiredService<MediaStore>();
        File.Delete(media.PathFor(bulletin.Sha256));

        var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains(health.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "media_missing");
        Assert.True(health.GetProperty("disk").GetProperty("freeBytes").GetInt64() > 0);
        Assert.Equal("system clock", health.GetProperty("clock").GetProperty("source").GetString());
        // Anonymous monitors get codes only; a signed-in technician also gets the text naming the bulletin.
        Assert.All(health.GetProperty("alerts").EnumerateArray(), a => Assert.False(a.TryGetProperty("message", out _)));
        using var technician = await app.CreateApiClientAsync();
        var detailed = await technician.GetFromJsonAsync<JsonElement>("/health");
        Assert.Contains(detailed.GetProperty("alerts").EnumerateArray(), a =>
            a.GetProperty("code").GetString() == "media_missing" && a.GetProperty("message").GetString()!.Contains(bulletin.Title));
    }

    [Fact]
    public void Low_disk_raises_an_alert_below_the_configured_threshold()
    {
        using var scope = app.Services.CreateScope();
        var configured = scope.ServiceProvider.GetRequiredService<IOptions<BroadcastHubOptions>>().Value;
        var strict = new BroadcastHubOptions { DataPath = configured.DataPath, LowDiskBytes = long.MaxValue };
        var alerts = ActivatorUtilities.CreateInstance<BroadcastHub.Web.Playout.StationAlerts>(scope.ServiceProvider, Options.Create(strict));
        Assert.Contains(alerts.Current(), a => a.Code == "low_disk" && a.Severity == "error");
    }

    [Fact]
    public void A_damaged_hangfire_file_is_moved_aside_and_nothing_else_is_touched()
    {
        var dir = Directory.CreateTempSubdirectory("bh-hf-").FullName;
        var path = Path.Combine(dir, "hangfire.db");
        File.WriteAllText(path, "this is not a database, it was cut by a power failure");
        File.WriteAllText(path + "-wal", "junk");
        File.WriteAllText(Path.Combine(dir, "broadcasthub.db"), "app data stays");

        HangfireSetup.MoveAsideIfDamaged(path, NullLogger.Instance);

        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
        var aside = Assert.Single(Directory.GetFiles(dir, "hangfire.db.damaged-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
        Assert.StartsWith("this is not a database", File.ReadAllText(aside));
        Assert.Equal("app data stays", File.ReadAllText(Path.Combine(dir, "broadcasthub.db")));
        Directory.Delete(dir, recursive: true);
    }
}
