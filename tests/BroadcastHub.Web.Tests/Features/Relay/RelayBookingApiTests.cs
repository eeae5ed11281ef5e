using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BroadcastHub.Web.Tests.Features.Scheduling;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>Booking a relay through the real API, and how the rundown, iCalendar feed and M3U export show it.</summary>
[Collection(AppCollection.Name)]
public sealed class RelayBookingApiTests(AppFactory app)
{
    private sealed record World(SchedulingHttp Http, long CommuneId, long SessionId, long SourceId, string SourceName, string Date);

    private async Task<World> WorldAsync(int sessionMinutes = 30)
    {
        var client = await app.CreateApiClientAsync();
        var http = new SchedulingHttp(app, client);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var commune = await http.CommuneAsync("Xã tiếp sóng " + suffix);
        var session = await http.SessionAsync(commune, "06:00:00", sessionMinutes);
        var name = "VOV1 " + suffix;
        var source = (await (await client.PostAsJsonAsync("/api/relay-sources", new { name, url = $"http://radio.example/{suffix}/vov1.mp3" })).JsonAsync())
            .GetProperty("id").GetInt64();
        return new World(http, commune, session, source, name, SchedulingHttp.Day(1));
    }

    private async Task<long> ToneAsync(double seconds) => (await new PlayoutScenario(app).ApprovedToneAsync(seconds)).Id;

    [Fact]
    public async Task A_relay_of_n_minutes_follows_the_bulletins_and_occupies_n_minutes()
    {
        var w = await WorldAsync();
        var tone = await ToneAsync(2);
        await w.Http.BookAsync(new { sessionId = w.SessionId, bulletinIds = new[] { tone }, from = w.Date, to = w.Date });
        var booked = await w.Http.BookAsync(new { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 10 }, from = w.Date, to = w.Date });
        Assert.Empty(booked.GetProperty("bulletinIds").EnumerateArray());
        Assert.Equal((w.SourceId, 10.0, false), (booked.GetProperty("relay").GetProperty("sourceId").GetInt64(),
            booked.GetProperty("relay").GetProperty("minutes").GetDouble(), booked.GetProperty("relay").GetProperty("untilSessionEnd").GetBoolean()));
        Assert.Empty(booked.GetProperty("overflow").EnumerateArray());

        var items = (await w.Http.RundownJsonAsync(w.SessionId, w.Date)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(tone, items[0].GetProperty("bulletinId").GetInt64());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("relay").ValueKind);
        var relay = items[1];
        Assert.Equal(JsonValueKind.Null, relay.GetProperty("bulletinId").ValueKind);
        Assert.Equal(2, relay.GetProperty("offsetSeconds").GetDouble(), 2);
        Assert.Equal(600, relay.GetProperty("durationSeconds").GetDouble(), 3);
        Assert.False(relay.GetProperty("overflow").GetBoolean());
        Assert.Equal(w.SourceId, relay.GetProperty("relay").GetProperty("sourceId").GetInt64());
        Assert.Equal(w.SourceName, relay.GetProperty("relay").GetProperty("name").GetString());
        Assert.EndsWith("/vov1.mp3", relay.GetProperty("relay").GetProperty("url").GetString());
        Assert.Equal(600, relay.GetProperty("relay").GetProperty("seconds").GetDouble(), 3);
        Assert.Equal(1, w.Http.Scalar("SELECT count(*) FROM rundown_items r JOIN occurrences o ON o.id = r.occurrence_id "
            + "WHERE o.session_id = @s AND r.bulletin_id IS NULL AND r.relay_source_id = @src AND r.relay_seconds = 600", new { s = w.SessionId, src = w.SourceId }));

        var m3u = await w.Http.Client.GetAsync($"/api/sessions/{w.SessionId}/rundown.m3u8?date={w.Date}");
        Assert.Equal(HttpStatusCode.OK, m3u.StatusCode);
        var text = Encoding.UTF8.GetString(await m3u.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("#EXTM3U\n", text);
        Assert.Contains($"#EXTINF:600,{w.SourceName}\n{relay.GetProperty("relay").GetProperty("url").GetString()}\n", text);
        Assert.Contains($"#EXT-X-BROADCASTHUB-BULLETIN:{tone}\n", text);
    }

    [Fact]
    public async Task A_relay_until_the_session_end_takes_what_is_left_and_shows_in_the_calendar_feed()
    {
        var w = await WorldAsync(sessionMinutes: 20);
        var tone = await ToneAsync(3);
        await w.Http.BookAsync(new { sessionId = w.SessionId, bulletinIds = new[] { tone }, from = w.Date, to = w.Date, priority = "priority" });
        var booked = await w.Http.BookAsync(new { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, untilSessionEnd = true }, from = w.Date, to = w.Date });
        Assert.True(booked.GetProperty("relay").GetProperty("untilSessionEnd").GetBoolean());
        Assert.Equal(JsonValueKind.Null, booked.GetProperty("relay").GetProperty("minutes").ValueKind);

        var relay = (await w.Http.RundownJsonAsync(w.SessionId, w.Date)).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(20 * 60 - 3, relay.GetProperty("durationSeconds").GetDouble(), 2);
        Assert.Equal(20 * 60 - 3, relay.GetProperty("relay").GetProperty("seconds").GetDouble(), 2);
        Assert.False(relay.GetProperty("overflow").GetBoolean());
        Assert.Equal(1, w.Http.Scalar("SELECT count(*) FROM rundown_items r JOIN occurrences o ON o.id = r.occurrence_id "
            + "WHERE o.session_id = @s AND r.relay_source_id IS NOT NULL AND r.relay_seconds IS NULL", new { s = w.SessionId }));

        var ics = IcsFeed.Parse(await w.Http.Client.GetByteArrayAsync($"/api/communes/{w.CommuneId}/calendar.ics"));
        var description = ics.Events.Select(e => e["DESCRIPTION"] ?? "").Single(d => d.Contains(w.SourceName, StringComparison.Ordinal));
        Assert.Contains($"2. Tiếp sóng: {w.SourceName} (19:57)", description);
        Assert.Contains("radio.example", description);
    }

    [Fact]
    public async Task Bulletins_and_a_relay_together_or_neither_are_refused_and_nothing_is_booked()
    {
        var w = await WorldAsync();
        var tone = await ToneAsync(1);
        async Task<(HttpStatusCode, string)> Refused(object body)
        {
            var response = await w.Http.Client.PostAsJsonAsync("/api/bookings", body);
            return (response.StatusCode, await response.ErrorCodeAsync());
        }

        Assert.Equal((HttpStatusCode.BadRequest, "bulletins_and_relay"), await Refused(new
            { sessionId = w.SessionId, bulletinIds = new[] { tone }, relay = new { sourceId = w.SourceId, minutes = 5 }, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.BadRequest, "bulletins_required"), await Refused(new { sessionId = w.SessionId, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.BadRequest, "relay_minutes_invalid"), await Refused(new
            { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 5, untilSessionEnd = true }, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.BadRequest, "relay_minutes_invalid"), await Refused(new
            { sessionId = w.SessionId, relay = new { sourceId = w.SourceId }, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.BadRequest, "relay_minutes_invalid"), await Refused(new
            { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 31 }, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.BadRequest, "relay_minutes_invalid"), await Refused(new
            { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 0 }, from = w.Date, to = w.Date }));
        Assert.Equal((HttpStatusCode.NotFound, "relay_source_not_found"), await Refused(new
            { sessionId = w.SessionId, relay = new { sourceId = 987654, minutes = 5 }, from = w.Date, to = w.Date }));
        Assert.Equal(0, w.Http.Scalar("SELECT count(*) FROM bookings WHERE session_id = @s", new { s = w.SessionId }));
    }

    [Fact]
    public async Task An_edit_changes_the_relays_minutes_or_keeps_the_relay_when_it_names_neither()
    {
        var w = await WorldAsync();
        var id = (await w.Http.BookAsync(new { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 10 }, from = w.Date, to = w.Date }))
            .GetProperty("id").GetInt64();
        var edited = await w.Http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { relay = new { sourceId = w.SourceId, minutes = 5 } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(5, (await edited.JsonAsync()).GetProperty("relay").GetProperty("minutes").GetDouble());
        var kept = await w.Http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { priority = "priority" });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var body = await kept.JsonAsync();
        Assert.Equal((w.SourceId, 5.0), (body.GetProperty("relay").GetProperty("sourceId").GetInt64(), body.GetProperty("relay").GetProperty("minutes").GetDouble()));
        Assert.Equal(300, (await w.Http.RundownJsonAsync(w.SessionId, w.Date)).GetProperty("items").EnumerateArray().Single().GetProperty("durationSeconds").GetDouble(), 3);
    }

    [Fact]
    public async Task A_longer_relay_after_the_bulletins_overflows_like_a_bulletin_would()
    {
        var w = await WorldAsync(sessionMinutes: 10);
        var tone = await ToneAsync(2);
        await w.Http.BookAsync(new { sessionId = w.SessionId, bulletinIds = new[] { tone }, from = w.Date, to = w.Date });
        var booked = await w.Http.BookAsync(new { sessionId = w.SessionId, relay = new { sourceId = w.SourceId, minutes = 10 }, from = w.Date, to = w.Date });
        var overflow = booked.GetProperty("overflow").EnumerateArray().Single().GetProperty("items").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, overflow.GetProperty("bulletinId").ValueKind);
        Assert.Equal(w.SourceId, overflow.GetProperty("relaySourceId").GetInt64());
    }
}
