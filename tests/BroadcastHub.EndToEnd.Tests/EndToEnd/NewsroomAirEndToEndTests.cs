using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Airtime;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>
/// An AAC bulletin uploaded where ffmpeg is installed airs from its WAV house copy on a process that has no ffmpeg on
/// its PATH (and none configured): the recording holds the house copy's samples and the airtime chain, which names the
/// original's SHA-256, verifies.
/// </summary>
public sealed class NewsroomAirEndToEndTests(ITestOutputHelper output)
{
    private const string Aac = "newsroom/bulletin-vi-aac.m4a";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task An_aac_bulletin_airs_its_house_copy_on_a_station_without_ffmpeg()
    {
        var settings = new Dictionary<string, string>
        {
            ["BroadcastHub__HouseFormat__SampleRate"] = "44100",
            ["BroadcastHub__HouseFormat__Channels"] = "1",
        };
        await using var newsroom = new AppProcess(settings);
        await newsroom.StartAsync();
        await newsroom.SignInAsync();
        var bulletin = await AppProcess.JsonAsync(newsroom.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Aac), "Bản tin AAC")));
        var bulletinId = bulletin.GetProperty("id").GetInt64();
        var house = bulletin.GetProperty("houseSha256").GetString()!;
        (await newsroom.Http.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).EnsureSuccessStatusCode();
        await newsroom.StopAsync();

        settings["BroadcastHub__DataPath"] = newsroom.DataPath;
        settings["BroadcastHub__Ffmpeg__Path"] = "";
        settings["PATH"] = string.Join(':', Environment.GetEnvironmentVariable("PATH")!.Split(':')
            .Where(dir => !File.Exists(Path.Combine(dir, "ffmpeg")) && !File.Exists(Path.Combine(dir, "ffprobe"))));
        await using var station = new AppProcess(settings);
        await station.StartAsync();
        await station.SignInAsync();
        try
        {
            var refused = await station.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Aac), "Lần nữa"));
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.Equal("ffmpeg_missing", await refused.ErrorCodeAsync());

            var communeId = await station.CommuneAsync("Xã Đồng Văn");
            var (start, date, occurrenceId) = await station.BookedSessionAsync(communeId, TimeSpan.FromSeconds(12), 15, [bulletinId]);
            var record = await Spine.WaitForAirtime(station, date, occurrenceId, TimeSpan.FromSeconds(60));

            Assert.Equal("Completed", record.GetProperty("outcome").GetString());
            Assert.Equal(bulletin.GetProperty("durationSeconds").GetDouble(), record.GetProperty("playedSeconds").GetDouble(), 3);
            var recording = Assert.Single(Directory.GetFiles(Path.Combine(newsroom.DataPath, "air"), "*.wav", SearchOption.AllDirectories));
            Spine.AssertHoldsLoudnessMatched(BroadcastWaveFile.Read(recording), Path.Combine(newsroom.DataPath, "media", house[..2], house + ".audio"));
            var chain = await station.Http.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
            Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
            output.WriteLine($"aired from {start:HH:mm:ss} with PATH={settings["PATH"]}");
        }
        finally
        {
            output.WriteLine(station.Output);
        }
    }
}
