using System.Net;
using BroadcastHub.Data;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Features.Library;

[Collection(AppCollection.Name)]
public sealed class BulletinUploadTests(AppFactory app)
{
    [Theory]
    [InlineData("empty.mp3", HttpStatusCode.BadRequest, "empty_file", "rỗng")]
    [InlineData("text-named.mp3", HttpStatusCode.UnsupportedMediaType, "unrecognized_format", "Không nhận ra")]
    [InlineData("png-named.wav", HttpStatusCode.UnsupportedMediaType, "unsupported_format", "PNG")]
    [InlineData("truncated-mid-frame.mp3", HttpStatusCode.BadRequest, "truncated_mp3", "cắt cụt")]
    [InlineData("truncated-data.wav", HttpStatusCode.BadRequest, "truncated_wav", "cắt cụt")]
    [InlineData("truncated-vorbis.ogg", HttpStatusCode.BadRequest, "truncated_ogg", "cắt cụt")]
    public async Task Each_bad_fixture_is_refused_with_its_own_message_and_leaves_nothing_behind(
        string file, HttpStatusCode status, string code, string messagePart)
    {
        var client = await app.CreateApiClientAsync();
        var (rowsBefore, filesBefore) = StoredState();

        var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.Bad(file), "Bản tin lỗi"));

        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.Contains(messagePart, body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((rowsBefore, filesBefore), StoredState());
        Assert.Empty(Directory.Exists(Options.UploadTempPath) ? Directory.GetFiles(Options.UploadTempPath) : []);
    }

    [Theory]
    [InlineData("bulletin-vi-mono-22k-cbr64.mp3")]
    [InlineData("bulletin-vi-stereo-44k-vbr-id3.mp3")]
    [InlineData("bulletin-vi-mono-16k-s16.wav")]
    [InlineData("bulletin-vi-mono-44k-f32.wav")]
    [InlineData("bulletin-vi-mono-44k-vorbis.ogg")]
    public async Task A_good_file_is_stored_content_addressed_with_its_measured_figures(string file)
    {
        var client = await app.CreateApiClientAsync();
        var expected = Manifest.Row(file);

        var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(file), "Thông báo", "../../etc/passwd"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PendingApproval", body.GetProperty("status").GetString());
        Assert.Equal(expected.SampleRate, body.GetProperty("sampleRate").GetInt32());
        Assert.Equal(expected.Channels, body.GetProperty("channels").GetInt32());
        Assert.Equal(expected.DecodedFrames / (double)expected.SampleRate, body.GetProperty("durationSeconds").GetDouble(), 3);
        Assert.Equal(expected.IntegratedLufs, body.GetProperty("integratedLufs").GetDouble(), 0.3);
        var sha = body.GetProperty("sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Fixtures.File(file)))), sha);
        Assert.True(File.Exists(Path.Combine(Options.MediaPath, sha[..2], sha + ".audio")));
        Assert.Equal("passwd", body.GetProperty("originalFileName").GetString());
    }

    [Fact]
    public async Task An_upload_without_a_title_is_refused_before_anything_is_stored()
    {
        var client = await app.CreateApiClientAsync();
        var before = StoredState();
        var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("title_required", await response.ErrorCodeAsync());
        Assert.Equal(before, StoredState());
    }

    private BroadcastHubOptions Options => app.Services.GetRequiredService<IOptions<BroadcastHubOptions>>().Value;

    private (long Rows, int Files) StoredState()
    {
        using var connection = app.Services.GetRequiredService<AppDatabase>().Open();
        var rows = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM bulletins");
        var files = Directory.Exists(Options.MediaPath) ? Directory.GetFiles(Options.MediaPath, "*", SearchOption.AllDirectories).Length : 0;
        return (rows, files);
    }
}
