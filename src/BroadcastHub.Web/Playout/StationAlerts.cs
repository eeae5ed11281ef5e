using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>One thing a technician should look at, with a stable code.</summary>
public sealed record StationAlert(string Code, string Severity, string Message);

/// <summary>
/// What needs attention on the station now: low disk, an output that failed or fell back to files, media missing
/// for an upcoming occurrence, Hangfire storage rebuilt at start. Shown on /health and on the dashboard.
/// </summary>
public sealed class StationAlerts(
    IOptions<BroadcastHubOptions> options, PlacesRepository places, ZoneOutputs outputs, OccurrenceRepository occurrences,
    BulletinRepository bulletins, MediaStore media, AppDatabase db, StationClock clock, AirtimeWriter airtimeWriter,
    BroadcastHub.Playout.Relay.RelayAlerts relayAlerts, StationAgentRepository agents, HangfireRebuildNotice? hangfireRebuilt = null)
{
    /// <summary>The alert raised while a zone's stored spec is refused at air and its configured output plays instead.</summary>
    public static StationAlert StoredRefusalAlert(string zoneName, string refusedSpec) => new(OutputSpecAllowList.RefusedCode, "error", Msg.Get("ZoneTheStoredOutputIsNot", zoneName, refusedSpec));

    /// <summary>Free space of the file system that holds the data folder (its mount point, not the root's).</summary>
    public DiskState Disk()
    {
        var path = options.Value.FullDataPath;
        var mount = MountPointOf(path, DriveInfo.GetDrives().Select(d => d.RootDirectory.FullName));
        var drive = new DriveInfo(mount);
        return new DiskState(path, drive.AvailableFreeSpace, drive.TotalSize) { MountPoint = mount };
    }

    /// <summary>The mount point among <paramref name="mountPoints"/> that holds <paramref name="path"/>: the longest that contains it.</summary>
    public static string MountPointOf(string path, IEnumerable<string> mountPoints)
    {
        var full = Path.GetFullPath(path);
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return mountPoints
            .Where(m => full.Equals(m.TrimEnd(Path.DirectorySeparatorChar), comparison)
                || full.StartsWith(m.EndsWith(Path.DirectorySeparatorChar) ? m : m + Path.DirectorySeparatorChar, comparison))
            .MaxBy(m => m.TrimEnd(Path.DirectorySeparatorChar).Length) ?? Path.GetPathRoot(full) ?? "/";
    }

    /// <summary>What needs attention now; with <paramref name="coversZone"/>, per-zone alerts only of the zones it accepts.</summary>
    public IReadOnlyList<StationAlert> Current(Func<long, bool>? coversZone = null)
    {
        coversZone ??= _ => true;
        var alerts = new List<StationAlert>();
        var disk = Disk();
        var minimum = options.Value.LowDiskBytes;
        if (disk.FreeBytes < minimum)
            alerts.Add(new StationAlert("low_disk", "error", Msg.Get("LowDiskMBFreeThresholdMB", disk.FreeBytes / 1048576, minimum / 1048576)));
        if (airtimeWriter.Failure is { } failure)
            alerts.Add(new StationAlert("airtime_write_failed", "error", Msg.Get("AirtimeCouldNotBeWrittenRecords", failure.Pending)));
        foreach (var zone in places.ListZones().Where(z => coversZone(z.Id)))
        {
            var state = outputs.StateOf(zone.Id);
            if (state.RefusedSpec is { } refused) alerts.Add(StoredRefusalAlert(zone.Name, refused));
            if (state.LastError is not null)
                alerts.Add(new StationAlert("output_error", "error", Msg.Get("ZoneTheAudioOutputFailedDetails", zone.Name)));
            else if (state.Warning is not null)
                alerts.Add(new StationAlert("output_fallback", "warning", Msg.Get("ZoneTheOutputFailedWritingTo", zone.Name)));
        }
        alerts.AddRange(MissingMedia().Where(m => coversZone(m.ZoneId)).Select(m => m.Alert));
        alerts.AddRange(RelayAlerts(coversZone));
        if (hangfireRebuilt?.Note is { } note) alerts.Add(new StationAlert("hangfire_rebuilt", "warning", note));
        return alerts;
    }

    /// <summary>
    /// Relays whose stream this station's engine cannot reach (at pre-roll, before the slot, or on air), and those an
    /// agent reported unreachable in its last heartbeat (within the online window).
    /// </summary>
    private IEnumerable<StationAlert> RelayAlerts(Func<long, bool> coversZone) =>
        AgentRelayAlerts(coversZone).Concat(relayAlerts.Current().Where(a => coversZone(a.ZoneId)).Select(a => new StationAlert(BroadcastHub.Playout.Relay.RelayAlerts.Code, "error",
            Msg.Get("RelayAtTheStreamCannotBe", a.SourceName, clock.ToLocal(a.SlotStart), a.Error))));

    private IEnumerable<StationAlert> AgentRelayAlerts(Func<long, bool> coversZone)
    {
        var now = clock.UtcNow;
        foreach (var beat in agents.Heartbeats().Values.Where(b => now - b.LastSeenAt <= Features.Stations.StationHeartbeatService.OnlineWithin))
        {
            if (beat.ZoneStatesJson is not { } json) continue;
            var states = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
            foreach (var (zone, state) in states)
                if (state == BroadcastHub.Playout.Relay.RelayAlerts.Code && long.TryParse(zone, System.Globalization.CultureInfo.InvariantCulture, out var zoneId)
                    && coversZone(zoneId))
                    yield return new StationAlert(BroadcastHub.Playout.Relay.RelayAlerts.Code, "error", Msg.Get("StationZoneARelayStreamCannot", beat.StationId, zoneId));
        }
    }

    /// <summary>
    /// Media missing for the occurrences of the next 24 hours. Shared by every request until the database changes or
    /// ten seconds pass (a file can vanish without any commit), in the UI language asked for.
    /// </summary>
    private IReadOnlyList<(long ZoneId, StationAlert Alert)> MissingMedia()
    {
        var now = clock.UtcNow;
        var bucket = now.UtcTicks / (10 * TimeSpan.TicksPerSecond);
        return db.Cache.Get($"media-missing|{System.Globalization.CultureInfo.CurrentUICulture.Name}", () =>
        {
            var planned = occurrences.ListStarting(now, now.AddDays(1), OccurrenceState.Planned);
            var rundowns = occurrences.Rundowns(planned.Select(o => o.Id));
            var upcoming = planned.SelectMany(o => rundowns[o.Id].Select(item => (Occurrence: o, item.BulletinId))).ToList();
            var found = bulletins.FindMany(upcoming.Select(u => u.BulletinId));
            return (IReadOnlyList<(long ZoneId, StationAlert Alert)>)upcoming
                .Where(u => found.TryGetValue(u.BulletinId, out var b) && !media.Exists(b.PlayoutSha256))
                .Select(u => (u.Occurrence, Bulletin: found[u.BulletinId]))
                .Select(u => (u.Occurrence.ZoneId, new StationAlert("media_missing", "error", Msg.Get("AudioOfIsMissingForThe", u.Bulletin.Title, clock.ToLocal(u.Occurrence.StartUtc)))))
                .ToList();
        }, window: bucket);
    }
}

/// <summary>Set at start when Hangfire's damaged storage was moved aside: the note the alert shows, else null.</summary>
public sealed record HangfireRebuildNotice(string? Note);

/// <summary>Free space where the data folder lives.</summary>
public sealed record DiskState(string Path, long FreeBytes, long TotalBytes)
{
    /// <summary>Mount point of the file system measured (not shown to monitors).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? MountPoint { get; init; }
}
