using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.Features.Scheduling;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>
/// The probe at booking time with the real ffprobe against streams served here: a source that is not usable audio
/// refuses the booking and nothing is stored; one unreachable right now books with a warning; a live one books clean.
/// And a source that bookings still relay cannot be deleted.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RelayBookingProbeApiTests(AppFactory app)
{
    internal sealed record World(SchedulingHttp Http, long CommuneId, long SessionId, string Date)
    {
        public long Bookings => Http.Scalar("SELECT count(*) FROM bookings WHERE session_id = @s", new { s = SessionId });

        public async Task<long> SourceAsync(string url)
        {
            var created = await Http.Client.PostAsJsonAsync("/api/relay-sources", new { name = "Nguồn " + Guid.NewGuid().ToString("N")[..8], url });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await created.JsonAsync()).GetProperty("id").GetInt64();
        }

        public Task<HttpResponseMessage> BookAsync(long sourceId, int dayOffset = 1) =>
            Http.Client.PostAsJsonAsync("/api/bookings", new { sessionId = SessionId, relay = new { sourceId, minutes = 5 }, from = SchedulingHttp.Day(dayOffset), to = SchedulingHttp.Day(dayOffset) });
    }

    internal static async Task<World> WorldAsync(AppFactory app)
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var commune = await http.CommuneAsync("Xã kiểm tra nguồn " + Guid.NewGuid().ToString("N")[..6]);
        var session = await http.SessionAsync(commune, "06:00:00", 30);
        return new World(http, commune, session, SchedulingHttp.Day(1));
    }

    internal static string NobodyListens()
    {
        var port = new TcpListener(IPAddress.Loopback, 0);
        port.Start();
        var free = ((IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        return $"http://127.0.0.1:{free}/live.mp3";
    }

    private static JsonElement[] Warnings(JsonElement body) => body.GetProperty("warnings").EnumerateArray().ToArray();

    [Theory]
    [InlineData("page.html", "relay_not_audio")]
    [InlineData("video.ts", "relay_video_only")]
    [InlineData("nowhere.m3u8", "relay_playlist_empty")]
    public async Task A_source_that_is_not_usable_audio_refuses_the_booking_and_nothing_is_stored(string name, string code)
    {
        await using var streams = await ProbeStreams.StartAsync();
        var w = await WorldAsync(app);
        var source = await w.SourceAsync(streams.Url(name));
        var refused = await w.BookAsync(source);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(0, w.Bookings);
        Assert.Equal(0, w.Http.Scalar("SELECT count(*) FROM rundown_items WHERE relay_source_id = @source", new { source }));
    }

    [Fact]
    public async Task An_unreachable_source_books_with_a_warning()
    {
        var w = await WorldAsync(app);
        var source = await w.SourceAsync(NobodyListens());
        var booked = await w.BookAsync(source);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var warning = Assert.Single(Warnings(await booked.JsonAsync()));
        Assert.Equal("relay_unreachable", warning.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(warning.GetProperty("message").GetString()));
        Assert.Equal(1, w.Bookings);
    }

    [Fact]
    public async Task Live_mp3_and_hls_sources_book_without_a_warning()
    {
        await using var mp3 = await LiveMp3Server.StartAsync();
        await using var hls = await LiveHlsServer.StartAsync();
        var w = await WorldAsync(app);
        var first = await w.BookAsync(await w.SourceAsync(mp3.Url.AbsoluteUri));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Empty(Warnings(await first.JsonAsync()));
        var second = await w.BookAsync(await w.SourceAsync(hls.Url.AbsoluteUri), dayOffset: 2);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Empty(Warnings(await second.JsonAsync()));
        Assert.Equal(2, w.Bookings);
    }

    [Fact]
    public async Task An_edit_of_the_sources_url_is_probed_afresh_and_an_edit_naming_it_is_refused()
    {
        await using var mp3 = await LiveMp3Server.StartAsync();
        await using var streams = await ProbeStreams.StartAsync();
        var w = await WorldAsync(app);
        var source = await w.SourceAsync(mp3.Url.AbsoluteUri);
        var booked = await w.BookAsync(source);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt64();

        var repointed = await w.Http.Client.PutAsJsonAsync($"/api/relay-sources/{source}", new { name = "Trỏ sang video " + Guid.NewGuid().ToString("N")[..6], url = streams.Url("video.ts") });
        Assert.Equal(HttpStatusCode.OK, repointed.StatusCode);
        var refused = await w.BookAsync(source, dayOffset: 2);
        Assert.Equal((HttpStatusCode.BadRequest, "relay_video_only"), (refused.StatusCode, await refused.ErrorCodeAsync()));
        var edit = await w.Http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { relay = new { sourceId = source, minutes = 7 } });
        Assert.Equal((HttpStatusCode.BadRequest, "relay_video_only"), (edit.StatusCode, await edit.ErrorCodeAsync()));
        Assert.Equal(1, w.Bookings);
        Assert.Equal(300, w.Http.Scalar("SELECT CAST(relay_seconds AS INTEGER) FROM bookings WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task A_source_still_booked_cannot_be_deleted_until_the_booking_is_cancelled()
    {
        var w = await WorldAsync(app);
        var source = await w.SourceAsync(NobodyListens());
        var id = (await (await w.BookAsync(source)).JsonAsync()).GetProperty("id").GetInt64();

        var refused = await w.Http.Client.DeleteAsync($"/api/relay-sources/{source}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("relay_source_in_use", body.GetProperty("error").GetString());
        Assert.Equal(1, body.GetProperty("bookings").GetInt32());
        Assert.Equal(1, body.GetProperty("occurrences").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await w.Http.Client.GetAsync($"/api/relay-sources/{source}")).StatusCode);

        var cancelled = await w.Http.Client.PostAsJsonAsync($"/api/bookings/{id}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Http.Client.DeleteAsync($"/api/relay-sources/{source}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Http.Client.GetAsync($"/api/relay-sources/{source}")).StatusCode);
    }
}
