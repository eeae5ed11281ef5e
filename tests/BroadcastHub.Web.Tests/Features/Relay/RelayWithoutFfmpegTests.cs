using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Newsroom;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>Without ffmpeg a relay source is refused naming the package; listing and the rest of the app still work.</summary>
[Collection(NoToolsCollection.Name)]
public sealed class RelayWithoutFfmpegTests(NoToolsAppFactory app)
{
    [Fact]
    public async Task Adding_and_probing_a_source_is_refused_naming_the_package()
    {
        var client = await app.CreateApiClientAsync();
        var refused = await client.PostAsJsonAsync("/api/relay-sources", new { name = "VOV1", url = "http://radio.example/vov1.mp3" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("ffmpeg_missing", body.GetProperty("error").GetString());
        Assert.Contains("apt-get install ffmpeg", body.GetProperty("message").GetString());
        Assert.Empty((await client.GetFromJsonAsync<List<object>>("/api/relay-sources"))!);

        var stored = app.Services.GetRequiredService<RelaySourceRepository>().Add("Đài cũ", "http://radio.example/old.mp3")!;
        var probe = await client.PostAsync($"/api/relay-sources/{stored.Id}/probe", null);
        Assert.Equal("ffmpeg_missing", await probe.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/playlists")).StatusCode);
    }
}
