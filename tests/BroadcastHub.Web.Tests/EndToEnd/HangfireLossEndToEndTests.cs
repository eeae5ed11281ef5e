using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>Hangfire's storage is disposable: the station airs its session even if that file did not survive the night.</summary>
public sealed class HangfireLossEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task A_session_booked_before_the_hangfire_file_was_destroyed_still_airs_once()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            var communeId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/communes", new { name = "Xã sau bão" }))).GetProperty("id").GetInt64();
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(ToneWav.Create(1.5)), "file", "tone.wav" },
                { new StringContent("Bản tin sáng"), "title" },
            };
            var bulletinId = (await AppProcess.JsonAsync(app.Http.PostAsync("/api/bulletins", form))).GetProperty("id").GetInt64();
            (await app.Http.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).EnsureSuccessStatusCode();
            var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(25), Zone);
            start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
            var sessionId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/sessions",
                new { communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = start.ToString("HH:mm:ss"), lengthMinutes = 5 }))).GetProperty("id").GetInt64();
            var date = start.ToString("yyyy-MM-dd");
            var occurrenceId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletinId }, from = date, to = date })))
                .GetProperty("occurrences")[0].GetProperty("id").GetInt64();

            await app.KillAsync();
            var hangfire = Path.Combine(app.DataPath, "hangfire.db");
            await File.WriteAllBytesAsync(hangfire, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
            File.Delete(hangfire + "-wal");
            File.Delete(hangfire + "-shm");
            await app.StartAsync();
            await app.SignInAsync();

            var health = await app.Http.GetFromJsonAsync<JsonElement>("/health");
            Assert.Contains(health.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "hangfire_rebuilt");
            Assert.NotEmpty(Directory.GetFiles(app.DataPath, "hangfire.db.damaged-*"));

            JsonElement record = default;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && record.ValueKind != JsonValueKind.Object)
            {
                var all = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}")).EnumerateArray();
                record = all.FirstOrDefault(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId);
                await Task.Delay(500);
            }
            Assert.Equal(JsonValueKind.Object, record.ValueKind);
            Assert.Equal("Completed", record.GetProperty("outcome").GetString());
            Assert.InRange(Math.Abs((record.GetProperty("actualStart").GetDateTimeOffset() - start).TotalMilliseconds), 0, 100);
        }
        finally
        {
            output.WriteLine(app.Output);
        }
    }
}
