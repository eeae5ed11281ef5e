using System.Net.Http.Json;
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

/// <summary>The spine scenario, shared by the SQLite and the PostgreSQL end-to-end tests.</summary>
public static class Spine
{
    private const string Mp3 = "bulletin-vi-mono-22k-cbr64.mp3";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The house format of the fixture (22,050 Hz mono), plus <paramref name="extra"/> settings.</summary>
    public static Dictionary<string, string> Settings(IDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["BroadcastHub__HouseFormat__SampleRate"] = "22050",
            ["BroadcastHub__HouseFormat__Channels"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    /// <summary>Runs the spine on <paramref name="app"/> (not started yet); returns the occurrence id that aired.</summary>
    public static async Task<long> RunAsync(AppProcess app, ITestOutputHelper output)
    {
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            var communeId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/communes", new { name = "Xã Lũng Cú" }))).GetProperty("id").GetInt64();
            var bulletin = await AppProcess.JsonAsync(app.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Mp3), "Thông báo tiêm chủng")));
            var bulletinId = bulletin.GetProperty("id").GetInt64();
            (await app.Http.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).EnsureSuccessStatusCode();

            var startLocal = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(12), Zone);
            startLocal = startLocal.AddTicks(-(startLocal.Ticks % TimeSpan.TicksPerSecond));
            var session = await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/sessions", new
            {
                communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = startLocal.ToString("HH:mm:ss"), lengthMinutes = 15,
            }));
            var date = startLocal.ToString("yyyy-MM-dd");
            var booking = await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/bookings", new
            {
                sessionId = session.GetProperty("id").GetInt64(), bulletinIds = new[] { bulletinId }, from = date, to = date,
            }));
            var occurrence = Assert.Single(booking.GetProperty("occurrences").EnumerateArray());
            Assert.Equal(startLocal.ToUniversalTime(), occurrence.GetProperty("start").GetDateTimeOffset());
            var occurrenceId = occurrence.GetProperty("id").GetInt64();

            var record = await WaitForAirtime(app, date, occurrenceId, TimeSpan.FromSeconds(60));
            Assert.Equal("Completed", record.GetProperty("outcome").GetString());
            var expectedSeconds = Manifest.Row(Mp3).DecodedFrames / 22050.0;
            Assert.Equal(expectedSeconds, record.GetProperty("playedSeconds").GetDouble(), 2);
            var actualStart = record.GetProperty("actualStart").GetDateTimeOffset();
            Assert.InRange(Math.Abs((actualStart - startLocal).TotalMilliseconds), 0, 100);

            var recording = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "air"), "*.wav", SearchOption.AllDirectories));
            var wave = BroadcastWaveFile.Read(recording);
            var firstSampleError = (wave.FirstSampleInstant(Zone) - startLocal).TotalMilliseconds;
            output.WriteLine($"first sample {firstSampleError:0.0} ms from the session's instant; airtime start {(actualStart - startLocal).TotalMilliseconds:0.0} ms");
            Assert.InRange(Math.Abs(firstSampleError), 0, 100);
            AssertHoldsDecodedBulletin(wave, Fixtures.File(Mp3));

            await app.StopAsync();
            await app.StartAsync();
            await app.SignInAsync();
            await Task.Delay(TimeSpan.FromSeconds(4));
            var all = await Airtime(app, date);
            Assert.Single(all, r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId);
            Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "air"), "*.wav", SearchOption.AllDirectories));
            return occurrenceId;
        }
        finally
        {
            output.WriteLine(app.Output);
        }
    }

    private static void AssertHoldsDecodedBulletin(BroadcastWaveFile wave, string path)
    {
        Assert.Equal(22050, wave.SampleRate);
        Assert.Equal(1, wave.Channels);
        AssertHoldsLoudnessMatched(wave, path);
    }

    /// <summary>The recording holds <paramref name="path"/> decoded and loudness-matched to the house target, sample for sample.</summary>
    internal static void AssertHoldsLoudnessMatched(BroadcastWaveFile wave, string path)
    {
        using var decoder = AudioDecoder.Open(path);
        var analysis = AudioAnalyzer.Analyze(path);
        var aired = LoudnessMatch.Apply(decoder, analysis.IntegratedLufs, new LoudnessTarget(), analysis.Channels);
        var decoded = new List<float>();
        var buffer = new float[4096];
        int read;
        while ((read = aired.Read(buffer)) > 0) decoded.AddRange(buffer.AsSpan(0, read).ToArray());
        Assert.Equal(decoded.Count, wave.Samples.Length);
        var worst = 0.0;
        for (var i = 0; i < decoded.Count; i++)
            worst = Math.Max(worst, Math.Abs(Math.Clamp(decoded[i], -1f, 1f) * 32767.0 - wave.Samples[i]));
        Assert.InRange(worst, 0, 1.01);
    }

    /// <summary>The airtime record of the occurrence on the date, polled every 0.5 s until the timeout.</summary>
    internal static async Task<JsonElement> WaitForAirtime(AppProcess app, string date, long occurrenceId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = (await Airtime(app, date)).FirstOrDefault(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId);
            if (match.ValueKind == JsonValueKind.Object) return match;
            await Task.Delay(500);
        }
        throw new TimeoutException($"No airtime record for occurrence {occurrenceId} within {timeout}:\n{app.Output}");
    }

    private static async Task<List<JsonElement>> Airtime(AppProcess app, string date) =>
        (await app.Http.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}")).EnumerateArray().ToList();
}
