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

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// Builds a station's manifest from the hub's stored occurrences and rundowns (the same rows and timeline the embedded
/// engine airs from). <see cref="StationManifest.Version"/> is a hash of the zones and occurrences, so it changes
/// exactly when something the station airs changes.
/// </summary>
public sealed class StationManifestBuilder(StationRepository stations, PlacesRepository places, OccurrenceRepository occurrences,
    BulletinRepository bulletins, Policies policies, StationClock clock, IOptions<BroadcastHubOptions> options)
{
    public const int DefaultDays = 3;
    public const int MaxDays = 30;

    private static readonly JsonSerializerOptions VersionJson = new(JsonSerializerDefaults.Web);

    /// <summary>The manifest of <paramref name="stationId"/> from now for <paramref name="days"/> days (<c>invalid_days</c>).</summary>
    public StationManifest Build(long stationId, int? days)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > MaxDays)
            throw new AppException("invalid_days", Text.Pick(
                $"days phải là số ngày từ 1 đến {MaxDays} (nhận được {span}).", $"days must be a whole number of days from 1 to {MaxDays} (got {span})."));
        var now = clock.UtcNow;
        var until = now.AddDays(span);
        var zones = Zones(stationId);
        var zoneIds = zones.Select(z => z.ZoneId).ToHashSet();
        var planned = occurrences.ListStarting(now.AddDays(-1), until)
            .Where(o => zoneIds.Contains(o.ZoneId) && o.EndUtc > now).ToList();
        var rundowns = occurrences.Rundowns(planned.Select(o => o.Id));
        var found = bulletins.FindMany(rundowns.Values.SelectMany(r => r).Select(i => i.BulletinId));
        var items = planned.Select(o => Occurrence(o, rundowns[o.Id], found)).ToList();
        var version = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { zones, items }, VersionJson)))[..32];
        return new StationManifest(stationId, clock.Zone.Id, version, now, clock.UtcNow, now, until, span, options.Value.GraceSeconds, zones, items);
    }

    /// <summary>The SHA-256 of every media file the station's manifest for <paramref name="days"/> references.</summary>
    public IReadOnlySet<string> MediaOf(long stationId, int days = MaxDays) =>
        Build(stationId, days).Occurrences.SelectMany(o => o.Items).Select(i => i.Sha256).ToHashSet(StringComparer.Ordinal);

    private List<ManifestZone> Zones(long stationId)
    {
        var mine = stations.StationByZone().Where(z => z.Value == stationId).Select(z => z.Key).ToHashSet();
        return places.ListCommunes().Where(c => mine.Contains(c.ZoneId)).OrderBy(c => c.ZoneId).Select(c =>
        {
            var p = policies.ForCommune(c.Id);
            return new ManifestZone(c.ZoneId, c.Id, c.Name, new ManifestPolicy(Time(p.AllowedFrom), Time(p.AllowedTo), p.Weekdays.ToIso(),
                p.MaxSessionMinutes, p.MaxSessionsPerDay));
        }).ToList();
    }

    private static ManifestOccurrence Occurrence(Occurrence o, IReadOnlyList<RundownItem> rundown,
        IReadOnlyDictionary<long, Core.Library.Bulletin> found)
    {
        var seconds = rundown.Select(r => found.TryGetValue(r.BulletinId, out var b) ? b.DurationSeconds : 0).ToList();
        var offsets = RundownTimeline.Offsets(rundown.Select((r, i) => (r.NotBeforeSeconds, seconds[i])));
        var items = rundown.Select((r, i) => (Item: r, Offset: offsets[i]))
            .Where(x => found.ContainsKey(x.Item.BulletinId))
            .Select(x =>
            {
                var b = found[x.Item.BulletinId];
                return new ManifestItem(x.Item.Position, b.Id, b.Title, b.Sha256, b.SizeBytes, b.DurationSeconds, b.IntegratedLufs, b.TruePeakDbtp,
                    x.Offset, o.StartUtc.AddSeconds(x.Offset), x.Item.NotBeforeSeconds, x.Item.BookingId,
                    x.Item.Fill is { } fill ? JsonNamingPolicy.CamelCase.ConvertName(fill.ToString()) : null);
            }).ToList();
        return new ManifestOccurrence(o.Id, o.ZoneId, o.CommuneId, o.SessionId, o.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            o.StartUtc, o.EndUtc, o.State.ToString(), items);
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
