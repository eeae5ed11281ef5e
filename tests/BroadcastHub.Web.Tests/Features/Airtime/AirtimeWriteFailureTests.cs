using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>Airtime the database refuses is kept (memory and spool file), retried in order, alerted, and never lost.</summary>
[Collection(AirtimeWriteFailureCollection.Name)]
public sealed class AirtimeWriteFailureTests(AirtimeWriteFailureAppFactory app)
{
    private string Spool => Path.Combine(app.OwnDataPath, "spool", "airtime");

    private IReadOnlyList<StationAlert> Alerts()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<StationAlerts>().Current();
    }

    private (Occurrence Occ, IReadOnlyList<RundownItem> Items) Occurrence(int items)
    {
        var commune = app.Get<PlacesRepository>().CreateCommune("Xã Ghi Lỗi " + Guid.NewGuid().ToString("N")[..4], null);
        var news = app.Bulletin("Tin lỗi ghi");
        var occ = app.Occurrence(commune.Id, new DateTimeOffset(2026, 7, 1, 5, 30, 0, TimeSpan.FromHours(7)), Enumerable.Repeat(news, items).ToArray());
        return (occ, app.Get<OccurrenceRepository>().Rundown(occ.Id));
    }

    private IReadOnlySet<int> Recorded(long occurrenceId) => app.Get<AirtimeRepository>().RecordedPositions(occurrenceId);

    [Fact]
    public void A_refused_write_is_spooled_alerted_and_written_in_order_once_the_database_takes_it()
    {
        var (occ, items) = Occurrence(2);
        var recorder = app.Get<AirtimeRecorder>();
        var writer = app.Get<AirtimeWriter>();
        app.Append.FailNext(1000);

        recorder.NotAired(occ, items[0], occ.StartUtc, AirtimeOutcome.Missed, "first");
        recorder.NotAired(occ, items[1], occ.StartUtc.AddMinutes(1), AirtimeOutcome.Missed, "second");

        Assert.Empty(Recorded(occ.Id));
        Assert.Equal(2, Directory.GetFiles(Spool, "*.json").Length);
        Assert.Contains(Alerts(), a => a.Code == "airtime_write_failed");
        Assert.Equal([0, 1], writer.PendingPositions(occ.Id).Order());

        Assert.False(writer.Flush());
        app.Append.FailNext(0);
        Assert.True(writer.Flush());

        Assert.Equal([0, 1], Recorded(occ.Id).Order());
        var stored = app.Get<AirtimeRepository>().Query(occ.StartUtc.AddHours(-1), occ.StartUtc.AddHours(1), occ.CommuneId);
        Assert.Equal(["first", "second"], stored.OrderBy(r => r.Id).Select(r => r.Error));
        Assert.Empty(Directory.GetFiles(Spool, "*.json"));
        Assert.DoesNotContain(Alerts(), a => a.Code == "airtime_write_failed");
        Assert.Empty(writer.PendingPositions(occ.Id));
    }

    [Fact]
    public void Records_spooled_before_a_restart_are_written_by_the_next_run()
    {
        var (occ, items) = Occurrence(1);
        app.Append.FailNext(1000);
        app.Get<AirtimeRecorder>().NotAired(occ, items[0], occ.StartUtc, AirtimeOutcome.Missed, "spooled");

        // The next run: a writer built from the same data folder finds the spool file and writes it.
        var next = new AirtimeWriter(new RepositoryAirtimeAppend(app.Get<AirtimeRepository>()), app.Get<IAirtimeCheckpoint>(),
            app.Get<IOptions<AirtimeOptions>>(), app.Get<IOptions<PlayoutOptions>>(), TimeProvider.System, NullLogger<AirtimeWriter>.Instance);
        Assert.Equal([0], next.PendingPositions(occ.Id));
        Assert.True(next.Flush());

        Assert.Equal([0], Recorded(occ.Id));
        app.Append.FailNext(0);
        Assert.True(app.Get<AirtimeWriter>().Flush());
        Assert.Single(app.Get<AirtimeRepository>().Query(occ.StartUtc.AddHours(-1), occ.StartUtc.AddHours(1), occ.CommuneId));
        Assert.Empty(Directory.GetFiles(Spool, "*.json"));
    }

    [Fact]
    public void The_disk_alert_measures_the_file_system_that_holds_the_data_folder()
    {
        using var scope = app.Services.CreateScope();
        var disk = scope.ServiceProvider.GetRequiredService<StationAlerts>().Disk();
        var mount = StationAlerts.MountPointOf(app.OwnDataPath, DriveInfo.GetDrives().Select(d => d.RootDirectory.FullName));

        Assert.Equal(new DriveInfo(mount).TotalSize, disk.TotalBytes);
        if (app.OwnDataPath.StartsWith("/dev/shm/", StringComparison.Ordinal))
        {
            Assert.Equal("/dev/shm", mount);
            Assert.NotEqual(new DriveInfo("/").TotalSize, disk.TotalBytes);
        }
        Assert.Equal("/srv/bh", StationAlerts.MountPointOf("/srv/bh/data", ["/", "/srv", "/srv/bh", "/srv/bh2"]));
        Assert.Equal("/", StationAlerts.MountPointOf("/srv/bh2x/data", ["/", "/srv/bh2"]));
    }
}
