using System.Net;
using System.Security.Cryptography;
using BroadcastHub.Data;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Newsroom;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>The upload endpoint takes phone and chat formats through ffmpeg: the original and a WAV house copy, both content-addressed.</summary>
[Collection(AppCollection.Name)]
public sealed class FfmpegUploadTests(AppFactory app)
{
    [Theory]
    [InlineData("bulletin-vi-aac.m4a", "aac")]
    [InlineData("bulletin-vi-opus.webm", "opus")]
    [InlineData("bulletin-vi-opus.ogg", "opus")]
    [InlineData("bulletin-vi.flac", "flac")]
    [InlineData("noise-amrwb.amr", "amr_wb")]
    [InlineData("bulletin-vi-video.mp4", "aac")]
    public async Task A_phone_format_is_stored_as_original_and_house_copy_with_ffmpegs_length(string file, string codec)
    {
        var client = await app.CreateApiClientAsync();
        var path = Fixtures.File("newsroom/" + file);

        var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(path, "Thông báo từ điện thoại"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PendingApproval", body.GetProperty("status").GetString());
        Assert.Equal(codec, body.GetProperty("codec").GetString());
        Assert.Equal(FfmpegCount.Frames(path), body.GetProperty("frames").GetInt64());
        var original = body.GetProperty("sha256").GetString()!;
        var house = body.GetProperty("houseSha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), original);
        Assert.True(File.Exists(Stored(original)));
        Assert.Equal(house, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Stored(house)))));
        Assert.Equal(new FileInfo(Stored(house)).Length, body.GetProperty("houseSizeBytes").GetInt64());
        Assert.Equal("upload", body.GetProperty("sourceKind").GetString());
        var audio = await client.GetAsync($"/api/bulletins/{body.GetProperty("id").GetInt64()}/audio");
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("truncated-bulletin-vi-aac.m4a", "truncated_mp4")]
    [InlineData("truncated-bulletin-vi-opus.ogg", "truncated_opus")]
    [InlineData("truncated-bulletin-vi-opus.webm", "truncated_webm")]
    [InlineData("truncated-bulletin-vi.flac", "truncated_flac")]
    [InlineData("truncated-bulletin-vi-aac.aac", "truncated_aac")]
    [InlineData("truncated-noise-amrnb.amr", "truncated_amr")]
    public async Task A_truncated_file_is_refused_with_its_code_and_nothing_is_stored(string file, string code)
    {
        var client = await app.CreateApiClientAsync();
        var before = StoredState();

        var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("newsroom/" + file), "Bản tin cụt"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.Contains("cắt cụt", body.GetProperty("message").GetString());
        Assert.Equal(before, StoredState());
        Assert.Empty(Directory.Exists(Options.UploadTempPath) ? Directory.GetFiles(Options.UploadTempPath) : []);
    }

    private BroadcastHubOptions Options => app.Services.GetRequiredService<IOptions<BroadcastHubOptions>>().Value;

    private string Stored(string sha) => Path.Combine(Options.MediaPath, sha[..2], sha + ".audio");

    private (long Rows, int Files) StoredState()
    {
        using var connection = app.Services.GetRequiredService<AppDatabase>().Open();
        var rows = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM bulletins");
        var files = Directory.Exists(Options.MediaPath) ? Directory.GetFiles(Options.MediaPath, "*.audio", SearchOption.AllDirectories).Length : 0;
        return (rows, files);
    }
}
