using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using BroadcastHub.Data;
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

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>Text to speech through the API, with the real espeak-ng.</summary>
[Collection(AppCollection.Name)]
public sealed class TtsApiTests(AppFactory app)
{
    [Fact]
    public async Task The_voices_are_listed_and_vi_is_one_of_them()
    {
        var client = await app.CreateApiClientAsync();

        var voices = (await client.GetFromJsonAsync<JsonElement>("/api/tts/voices")).EnumerateArray().ToList();

        var vi = Assert.Single(voices, v => v.GetProperty("id").GetString() == "vi");
        Assert.Equal("espeak-ng", vi.GetProperty("engine").GetString());
        Assert.Equal("northern", vi.GetProperty("accent").GetString());
        Assert.Contains(voices, v => v.GetProperty("accent").GetString() == "central");
        Assert.Contains(voices, v => v.GetProperty("accent").GetString() == "southern");
        Assert.All(voices, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("name").GetString())));
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("vi-vn-x-south")]
    public async Task A_notice_with_numbers_a_date_a_time_and_an_abbreviation_becomes_a_bulletin_awaiting_approval(string voice)
    {
        var client = await app.CreateApiClientAsync();
        var text = $"UBND xã thông báo: lúc 17h30 ngày 06/12/2026 sẽ cắt điện 2,5 km đường liên xã để sửa chữa. " +
                   $"Mọi thắc mắc xin gọi 0912 345 678. Mã thông báo {Random.Shared.Next(1000, 9999)}.";

        var response = await client.PostAsJsonAsync("/api/bulletins/tts",
            new { title = "Thông báo cắt điện", text, voice, rate = 1.0, validFrom = "2026-12-01", validUntil = "2026-12-06" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PendingApproval", body.GetProperty("status").GetString());
        Assert.Equal("tts", body.GetProperty("sourceKind").GetString());
        Assert.Equal(text, body.GetProperty("spokenText").GetString());
        Assert.Equal("2026-12-06", body.GetProperty("validUntil").GetString());
        Assert.InRange(body.GetProperty("durationSeconds").GetDouble(), 8, 60);
        Assert.InRange(body.GetProperty("integratedLufs").GetDouble(), -35, -8);
        Assert.InRange(body.GetProperty("truePeakDbtp").GetDouble(), -30, 1);
    }

    [Fact]
    public async Task A_slower_rate_gives_a_longer_bulletin()
    {
        var client = await app.CreateApiClientAsync();
        var text = $"Bà con chú ý, ngày 15/01/2027 tổ chức tiêm chủng tại trạm y tế xã, số {Random.Shared.Next(100, 999)}.";

        var normal = await (await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "Tiêm chủng", text, voice = "vi", rate = 1.0 })).JsonAsync();
        var slow = await (await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "Tiêm chủng", text, voice = "vi", rate = 0.6 })).JsonAsync();

        Assert.True(slow.GetProperty("durationSeconds").GetDouble() > normal.GetProperty("durationSeconds").GetDouble() * 1.3);
    }

    [Theory]
    [InlineData("", "vi", 1.0, HttpStatusCode.BadRequest, "tts_text_required")]
    [InlineData("   ", "vi", 1.0, HttpStatusCode.BadRequest, "tts_text_required")]
    [InlineData("Xin chào", "klingon", 1.0, HttpStatusCode.BadRequest, "unknown_voice")]
    [InlineData("Xin chào", "vi", 5.0, HttpStatusCode.BadRequest, "invalid_rate")]
    [InlineData("Xin chào", "vi", 0.1, HttpStatusCode.BadRequest, "invalid_rate")]
    public async Task Bad_requests_are_refused_with_their_codes_and_nothing_is_stored(string text, string voice, double rate,
        HttpStatusCode status, string code)
    {
        var client = await app.CreateApiClientAsync();
        var before = Rows();

        var response = await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "Thông báo", text, voice, rate });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(before, Rows());
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_naming_the_limit()
    {
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "Dài", text = new string('a', 5001), voice = "vi", rate = 1.0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("tts_text_too_long", body.GetProperty("error").GetString());
        Assert.Contains("5000", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_missing_title_is_refused_like_an_upload()
    {
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/bulletins/tts", new { title = "", text = "Xin chào bà con", voice = "vi", rate = 1.0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("title_required", await response.ErrorCodeAsync());
    }

    private long Rows()
    {
        using var connection = app.Services.GetRequiredService<AppDatabase>().Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM bulletins");
    }
}
