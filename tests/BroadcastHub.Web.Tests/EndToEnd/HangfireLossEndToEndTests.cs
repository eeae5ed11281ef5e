using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>Hangfire's storage is disposable: the station airs its session even if that file did not survive the night.</summary>
public sealed class HangfireLossEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_session_booked_before_the_hangfire_file_was_destroyed_still_airs_once()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            var communeId = await app.CommuneAsync("Xã sau bão");
            var bulletinId = await app.ApprovedToneAsync(1.5, 440, "Bản tin sáng");
            var (start, date, occurrenceId) = await app.BookedSessionAsync(communeId, TimeSpan.FromSeconds(25), 5, [bulletinId]);

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
