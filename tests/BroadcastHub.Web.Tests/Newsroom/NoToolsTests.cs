using System.Net.Http.Json;
using System.Net;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Newsroom;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>Without ffmpeg the phone formats are refused naming the package; WAV/MP3/Ogg Vorbis still work. Without a voice, text to speech says so.</summary>
[Collection(NoToolsCollection.Name)]
public sealed class NoToolsTests(NoToolsAppFactory app)
{
    [Fact]
    public async Task An_aac_upload_is_refused_naming_the_package_and_a_wav_is_still_accepted()
    {
        var client = await app.CreateApiClientAsync();

        var refused = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("newsroom/bulletin-vi-aac.m4a"), "AAC"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("ffmpeg_missing", body.GetProperty("error").GetString());
        Assert.Contains("apt-get install ffmpeg", body.GetProperty("message").GetString());

        var wav = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "WAV"));
        Assert.Equal(HttpStatusCode.Created, wav.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await wav.JsonAsync()).GetProperty("houseSha256").ValueKind);
    }

    [Fact]
    public async Task Text_to_speech_without_any_voice_is_refused_and_lists_no_voices()
    {
        var client = await app.CreateApiClientAsync();

        Assert.Empty((await client.GetFromJsonAsync<List<object>>("/api/tts/voices"))!);
        var response = await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "Thông báo", text = "Xin chào bà con.", voice = "vi", rate = 1.0 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("tts_engine_missing", await response.ErrorCodeAsync());
    }
}
