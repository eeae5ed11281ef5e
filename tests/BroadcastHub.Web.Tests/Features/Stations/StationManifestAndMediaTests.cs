using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>The manifest of a station's zones, and its media by SHA-256 with HTTP ranges.</summary>
[Collection(AppCollection.Name)]
public sealed class StationManifestAndMediaTests(AppFactory app)
{
    [Fact]
    public async Task The_manifest_holds_the_stations_occurrences_with_rundown_media_loudness_and_policy_and_a_content_version()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);

        var response = await station.GetAsync("/api/station/manifest?days=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hubTime = DateTimeOffset.Parse(response.Headers.GetValues("X-Hub-Time").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs((hubTime - DateTimeOffset.UtcNow).TotalSeconds) < 30);
        var manifest = await response.JsonAsync();
        Assert.Equal(s.StationId, manifest.GetProperty("stationId").GetInt64());
        Assert.Equal(2, manifest.GetProperty("days").GetInt32());
        Assert.True(manifest.TryGetProperty("hubTime", out _));
        Assert.Equal("Asia/Ho_Chi_Minh", manifest.GetProperty("timeZone").GetString());
        var zone = manifest.GetProperty("zones").EnumerateArray().Single();
        Assert.Equal(s.Occurrence.ZoneId, zone.GetProperty("zoneId").GetInt64());
        Assert.Equal("00:00", zone.GetProperty("policy").GetProperty("allowedFrom").GetString());
        var occ = manifest.GetProperty("occurrences").EnumerateArray().Single();
        Assert.Equal(s.Occurrence.Id, occ.GetProperty("id").GetInt64());
        Assert.Equal(s.Occurrence.EndUtc, occ.GetProperty("end").GetDateTimeOffset());
        var items = occ.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        for (var i = 0; i < 2; i++)
        {
            var b = s.Bulletins[i];
            Assert.Equal(i, items[i].GetProperty("position").GetInt32());
            Assert.Equal(b.Id, items[i].GetProperty("bulletinId").GetInt64());
            Assert.Equal(b.Sha256, items[i].GetProperty("sha256").GetString());
            Assert.Equal(b.SizeBytes, items[i].GetProperty("bytes").GetInt64());
            Assert.Equal(b.DurationSeconds, items[i].GetProperty("durationSeconds").GetDouble(), 3);
            Assert.Equal(b.IntegratedLufs, items[i].GetProperty("integratedLufs").GetDouble(), 3);
            Assert.Equal(b.TruePeakDbtp, items[i].GetProperty("truePeakDbtp").GetDouble(), 3);
        }
        Assert.Equal(0, items[0].GetProperty("offsetSeconds").GetDouble(), 3);
        Assert.Equal(s.Bulletins[0].DurationSeconds, items[1].GetProperty("offsetSeconds").GetDouble(), 3);
        Assert.Equal(s.Occurrence.StartUtc.AddSeconds(s.Bulletins[0].DurationSeconds), items[1].GetProperty("plannedStart").GetDateTimeOffset());

        var version = manifest.GetProperty("version").GetString();
        Assert.Equal(version, (await (await station.GetAsync("/api/station/manifest?days=2")).JsonAsync()).GetProperty("version").GetString());
        var scenario = new PlayoutScenario(app);
        scenario.OccurrenceInCommune(s.Occurrence.CommuneId, s.Occurrence.StartUtc.AddHours(3), s.Occurrence.EndUtc.AddHours(3), s.Bulletins[0]);
        var changed = await (await station.GetAsync("/api/station/manifest?days=2")).JsonAsync();
        Assert.NotEqual(version, changed.GetProperty("version").GetString());
        Assert.Equal(2, changed.GetProperty("occurrences").GetArrayLength());

        Assert.Equal("invalid_days", await (await station.GetAsync("/api/station/manifest?days=31")).ErrorCodeAsync());
        Assert.Equal("invalid_days", await (await station.GetAsync("/api/station/manifest?days=0")).ErrorCodeAsync());
        Assert.Equal(3, (await (await station.GetAsync("/api/station/manifest")).JsonAsync()).GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task A_session_booked_through_the_api_appears_in_the_manifest_of_the_station_that_plays_its_zone()
    {
        using var admin = await app.CreateApiClientAsync();
        var commune = (await (await admin.PostAsJsonAsync("/api/communes", new { name = "Xã trạm " + Guid.NewGuid().ToString("N")[..6] })).JsonAsync())
            .GetProperty("id").GetInt64();
        var zoneId = app.Services.GetRequiredService<PlacesRepository>().FindCommune(commune)!.ZoneId;
        var station = app.Services.GetRequiredService<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..8])!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/zones/{zoneId}/station", new { stationId = station.Id })).StatusCode);
        var session = (await (await admin.PostAsJsonAsync("/api/sessions",
            new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:00:00", lengthMinutes = 30 })).JsonAsync()).GetProperty("id").GetInt64();
        var bulletin = await new PlayoutScenario(app).ApprovedToneAsync(1.5);
        var booked = await admin.PostAsJsonAsync("/api/bookings", new { sessionId = session, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(2) });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
        using var client = StationAgentWorld.Client(app, await StationAgentWorld.EnrolTokenAsync(admin, station.Id));

        var manifest = await (await client.GetAsync("/api/station/manifest?days=3")).JsonAsync();
        var occurrences = manifest.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(new[] { Day(1), Day(2) }, occurrences.Select(o => o.GetProperty("localDate").GetString()));
        Assert.All(occurrences, o =>
        {
            Assert.Equal(session, o.GetProperty("sessionId").GetInt64());
            Assert.Equal("Planned", o.GetProperty("state").GetString());
            Assert.Equal(TimeSpan.FromMinutes(30), o.GetProperty("end").GetDateTimeOffset() - o.GetProperty("start").GetDateTimeOffset());
            Assert.Equal(bulletin.Sha256, o.GetProperty("items").EnumerateArray().Single().GetProperty("sha256").GetString());
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/station/media/{bulletin.Sha256}")).StatusCode);
    }

    private static string Day(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Media_of_the_manifest_is_served_by_hash_with_ranges_and_other_hashes_are_refused()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);
        var sha = s.Bulletins[1].Sha256;
        var stored = await File.ReadAllBytesAsync(app.Services.GetRequiredService<MediaStore>().PathFor(sha));

        var whole = await station.GetAsync($"/api/station/media/{sha}");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(stored, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal($"\"{sha}\"", whole.Headers.ETag?.Tag);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/station/media/{sha}");
        ranged.Headers.Range = new RangeHeaderValue(100, null);
        var part = await station.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(100, part.Content.Headers.ContentRange!.From);
        Assert.Equal(stored.Length, part.Content.Headers.ContentRange.Length);
        Assert.Equal(stored[100..], await part.Content.ReadAsByteArrayAsync());

        var malformed = await station.GetAsync("/api/station/media/" + sha.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("invalid_sha256", await malformed.ErrorCodeAsync());
        Assert.Equal("invalid_sha256", await (await station.GetAsync("/api/station/media/..%2F..%2Fetc")).ErrorCodeAsync());
        var unknown = await station.GetAsync("/api/station/media/" + new string('0', 64));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("media_not_found", await unknown.ErrorCodeAsync());
    }

    [Fact]
    public async Task A_cancelled_occurrence_is_not_in_the_manifest_and_items_carry_frames_rate_and_channels()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);
        var item = (await (await station.GetAsync("/api/station/manifest?days=2")).JsonAsync())
            .GetProperty("occurrences").EnumerateArray().Single().GetProperty("items")[0];
        Assert.Equal(s.Bulletins[0].Frames, item.GetProperty("frames").GetInt64());
        Assert.Equal(s.Bulletins[0].SampleRate, item.GetProperty("sampleRate").GetInt32());
        Assert.Equal(s.Bulletins[0].Channels, item.GetProperty("channels").GetInt32());

        Assert.True(app.Services.GetRequiredService<OccurrenceRepository>().TryTransition(s.Occurrence.Id,
            BroadcastHub.Core.Scheduling.OccurrenceState.Cancelled, DateTimeOffset.UtcNow));

        var after = await (await station.GetAsync("/api/station/manifest?days=2")).JsonAsync();
        Assert.Empty(after.GetProperty("occurrences").EnumerateArray());
    }
}
