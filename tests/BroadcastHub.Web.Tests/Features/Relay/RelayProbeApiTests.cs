using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>The probe with the real ffprobe against streams served here: what it finds, and the refusals for what cannot be relayed.</summary>
[Collection(AppCollection.Name)]
public sealed class RelayProbeApiTests(AppFactory app)
{
    private async Task<(HttpResponseMessage Response, JsonElement Body)> ProbeAsync(string url)
    {
        var client = await app.CreateApiClientAsync();
        var created = await client.PostAsJsonAsync("/api/relay-sources", new { name = "Probe " + Guid.NewGuid().ToString("N")[..8], url });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var response = await client.PostAsync($"/api/relay-sources/{id}/probe", null);
        return (response, await response.JsonAsync());
    }

    [Fact]
    public async Task An_icecast_mp3_stream_is_probed()
    {
        await using var mp3 = await LiveMp3Server.StartAsync();
        var (response, body) = await ProbeAsync(mp3.Url.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("reachable").GetBoolean());
        Assert.Equal(("mp3", 48000), (body.GetProperty("codec").GetString(), body.GetProperty("sampleRate").GetInt32()));
        Assert.InRange(body.GetProperty("channels").GetInt32(), 1, 2);
        Assert.Equal(128000, body.GetProperty("bitrate").GetInt64());
        Assert.InRange(body.GetProperty("latencyMs").GetInt64(), 0, 15000);
    }

    [Fact]
    public async Task An_hls_playlist_is_probed()
    {
        await using var hls = await LiveHlsServer.StartAsync();
        var (response, body) = await ProbeAsync(hls.Url.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aac", body.GetProperty("codec").GetString());
        Assert.True(body.GetProperty("sampleRate").GetInt32() > 0);
    }

    [Fact]
    public async Task Aac_and_ogg_streams_are_probed()
    {
        await using var streams = await ProbeStreams.StartAsync();
        var (aacResponse, aac) = await ProbeAsync(streams.Url("aac.aac"));
        Assert.Equal(HttpStatusCode.OK, aacResponse.StatusCode);
        Assert.Equal(("aac", 44100, 2), (aac.GetProperty("codec").GetString(), aac.GetProperty("sampleRate").GetInt32(), aac.GetProperty("channels").GetInt32()));
        var (oggResponse, ogg) = await ProbeAsync(streams.Url("ogg.ogg"));
        Assert.Equal(HttpStatusCode.OK, oggResponse.StatusCode);
        Assert.Equal(("vorbis", 32000, 1), (ogg.GetProperty("codec").GetString(), ogg.GetProperty("sampleRate").GetInt32(), ogg.GetProperty("channels").GetInt32()));
    }

    [Theory]
    [InlineData("page.html", "relay_not_audio")]
    [InlineData("video.ts", "relay_video_only")]
    [InlineData("nowhere.m3u8", "relay_playlist_empty")]
    [InlineData("passwd.m3u8", "relay_playlist_empty")]
    [InlineData("missing.mp3", "relay_unreachable")]
    public async Task What_cannot_be_relayed_is_refused_with_its_code(string name, string code)
    {
        await using var streams = await ProbeStreams.StartAsync();
        var (response, body) = await ProbeAsync(streams.Url(name));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_unreachable()
    {
        var port = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        port.Start();
        var free = ((IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var (response, body) = await ProbeAsync($"http://127.0.0.1:{free}/live.mp3");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("relay_unreachable", body.GetProperty("error").GetString());
    }
}
