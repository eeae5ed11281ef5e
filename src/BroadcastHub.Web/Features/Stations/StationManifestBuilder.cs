using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// Builds a station's manifest from the hub's stored occurrences and rundowns (the same rows and timeline the embedded
/// engine airs from). <see cref="StationManifest.Version"/> is a hash of the zones and occurrences, so it changes
/// exactly when something the station airs changes.
/// </summary>
public sealed class StationManifestBuilder(StationRepository stations, PlacesRepository places, OccurrenceRepository occurrences,
    BulletinRepository bulletins, Policies policies, StationClock clock, IOptions<SchedulingOptions> options, RelaySourceRepository relays,
    CommuneProgrammeRepository programmes)
{
    public const int DefaultDays = 3;
    public const int MaxDays = 30;

    private static readonly JsonSerializerOptions VersionJson = new(JsonSerializerDefaults.Web);

    /// <summary>The manifest of <paramref name="stationId"/> from now for <paramref name="days"/> days (<c>invalid_days</c>).</summary>
    public StationManifest Build(long stationId, int? days) => BuildMany([stationId], days)[stationId];

    /// <summary>
    /// The manifests of several stations from one read of the window (the push channel compares every connected
    /// station's version after a change); each is exactly what <see cref="Build"/> gives for that station.
    /// </summary>
    public IReadOnlyDictionary<long, StationManifest> BuildMany(IReadOnlyCollection<long> stationIds, int? days)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > MaxDays)
            throw new AppException("invalid_days", Msg.Get("DaysMustBeAWholeNumber", MaxDays, span));
        var now = clock.UtcNow;
        var until = now.AddDays(span);
        var zonesOf = Zones(stationIds);
        var zoneIds = zonesOf.Values.SelectMany(z => z).Select(z => z.ZoneId).ToHashSet();
        // A few zones: read only theirs (index on zone and start); many: one read of the whole window.
        var window = zoneIds.Count <= 200 ? occurrences.ListStartingInZones(zoneIds, now.AddDays(-1), until) : occurrences.ListStarting(now.AddDays(-1), until);
        var planned = window.Where(o => zoneIds.Contains(o.ZoneId) && o.EndUtc > now && o.State != OccurrenceState.Cancelled).ToList();
        var rundowns = occurrences.Rundowns(planned.Select(o => o.Id));
        var found = bulletins.FindMany(rundowns.Values.SelectMany(r => r).Where(i => !i.IsRelay).Select(i => i.BulletinId));
        var sources = relays.FindMany(rundowns.Values.SelectMany(r => r).Where(i => i.IsRelay).Select(i => i.Relay!.SourceId));
        var byZone = planned.ToLookup(o => o.ZoneId);
        var communes = zonesOf.Values.SelectMany(z => z).Select(z => z.CommuneId).ToHashSet();
        var playlists = programmes.EvergreenBulletinIdsByCommune().Where(p => communes.Contains(p.Key)).ToDictionary();
        var evergreens = bulletins.FindMany(playlists.Values.SelectMany(p => p));
        return zonesOf.ToDictionary(s => s.Key, s =>
        {
            var zones = s.Value;
            var items = zones.SelectMany(z => byZone[z.ZoneId]).OrderBy(o => o.StartUtc).ThenBy(o => o.Id)
                .Select(o => Occurrence(o, rundowns[o.Id], found, sources)).ToList();
            var relaySources = items.SelectMany(o => o.Items).Where(i => i.Relay is not null).Select(i => i.Relay!.SourceId).Distinct().Order()
                .Select(id => new ManifestRelaySource(id, sources[id].Name, sources[id].Url)).ToList();
            var evergreen = ManifestEvergreen.Of(zones.Select(z => z.CommuneId), playlists, evergreens);
            var version = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { zones, items, relaySources, evergreen }, VersionJson)))[..32];
            return new StationManifest(s.Key, clock.Zone.Id, version, now, clock.UtcNow, now, until, span, options.Value.GraceSeconds, zones, items, relaySources,
                evergreen);
        });
    }

    /// <summary>The SHA-256 of every media file the station's manifest for <paramref name="days"/> references (evergreen playlists too).</summary>
    public IReadOnlySet<string> MediaOf(long stationId, int days = MaxDays)
    {
        var manifest = Build(stationId, days);
        return manifest.Occurrences.SelectMany(o => o.Items).Where(i => i.Relay is null).Select(i => i.Sha256)
            .Concat((manifest.Evergreen ?? []).SelectMany(e => e.Items).Select(i => i.Sha256)).ToHashSet(StringComparer.Ordinal);
    }

    private Dictionary<long, List<ManifestZone>> Zones(IReadOnlyCollection<long> stationIds)
    {
        var result = stationIds.Distinct().ToDictionary(id => id, _ => new List<ManifestZone>());
        var stationOf = stations.StationByZone();
        foreach (var c in places.ListCommunes().OrderBy(c => c.ZoneId))
        {
            if (!stationOf.TryGetValue(c.ZoneId, out var station) || !result.TryGetValue(station, out var zones)) continue;
            var p = policies.ForCommune(c.Id);
            zones.Add(new ManifestZone(c.ZoneId, c.Id, c.Name, new ManifestPolicy(Time(p.AllowedFrom), Time(p.AllowedTo), p.Weekdays.ToIso(),
                p.MaxSessionMinutes, p.MaxSessionsPerDay)));
        }
        return result;
    }

    private static ManifestOccurrence Occurrence(Occurrence o, IReadOnlyList<RundownItem> rundown,
        IReadOnlyDictionary<long, Core.Library.Bulletin> found, IReadOnlyDictionary<long, Core.Relay.RelaySource> sources)
    {
        var plan = RundownTimeline.Plan(rundown.Select(r => (r.NotBeforeSeconds,
            r.Relay is { } relay ? relay.Seconds : found.TryGetValue(r.BulletinId, out var b) ? b.DurationSeconds : 0)), (o.EndUtc - o.StartUtc).TotalSeconds);
        var items = rundown.Select((r, i) => (Item: r, Offset: plan[i].Offset, Seconds: plan[i].Seconds))
            .Where(x => x.Item.Relay is { } relay ? sources.ContainsKey(relay.SourceId) : found.ContainsKey(x.Item.BulletinId))
            .Select(x =>
            {
                if (x.Item.Relay is { } relay)
                    return new ManifestItem(x.Item.Position, 0, sources[relay.SourceId].Name, "", 0, x.Seconds, 0, 0, x.Offset, o.StartUtc.AddSeconds(x.Offset),
                        x.Item.NotBeforeSeconds, x.Item.BookingId, null, 0, 0, 0, new ManifestRelay(relay.SourceId, relay.Seconds));
                var b = found[x.Item.BulletinId];
                return new ManifestItem(x.Item.Position, b.Id, b.Title, b.PlayoutSha256, b.PlayoutSizeBytes, b.DurationSeconds, b.IntegratedLufs, b.TruePeakDbtp,
                    x.Offset, o.StartUtc.AddSeconds(x.Offset), x.Item.NotBeforeSeconds, x.Item.BookingId,
                    x.Item.Fill is { } fill ? JsonNamingPolicy.CamelCase.ConvertName(fill.ToString()) : null, b.Frames, b.SampleRate, b.Channels);
            }).ToList();
        return new ManifestOccurrence(o.Id, o.ZoneId, o.CommuneId, o.SessionId, o.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            o.StartUtc, o.EndUtc, o.State.ToString(), items);
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
