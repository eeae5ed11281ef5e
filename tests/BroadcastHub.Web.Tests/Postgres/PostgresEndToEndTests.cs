using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// The spine on the real executable with <c>BroadcastHub:Database:Provider = postgres</c>: the app database and
/// Hangfire (Hangfire.PostgreSql) both in one fresh PostgreSQL database; upload → approve → book → Hangfire arms →
/// the engine airs → airtime Completed, chained and verifiable; a restart does not air it again.
/// </summary>
public sealed class PostgresEndToEndTests(ITestOutputHelper output)
{
    private const string Mp3 = "bulletin-vi-mono-22k-cbr64.mp3";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [PostgresFact]
    public async Task A_booked_bulletin_airs_once_on_PostgreSQL_and_its_airtime_chain_verifies()
    {
        using var database = new TestPostgresDatabase();
        await using var app = new AppProcess(new Dictionary<string, string>
        {
            ["BroadcastHub__HouseFormat__SampleRate"] = "22050",
            ["BroadcastHub__HouseFormat__Channels"] = "1",
            ["BroadcastHub__Database__Provider"] = "postgres",
            ["ConnectionStrings__BroadcastHub"] = database.ConnectionString,
        });
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            var communeId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/communes", new { name = "Xã Lũng Cú" }))).GetProperty("id").GetInt64();
            var bulletinId = (await AppProcess.JsonAsync(app.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Mp3), "Thông báo"))))
                .GetProperty("id").GetInt64();
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
            var occurrenceId = Assert.Single(booking.GetProperty("occurrences").EnumerateArray()).GetProperty("id").GetInt64();

            var record = await WaitForAirtime(app, date, occurrenceId, TimeSpan.FromSeconds(60));
            Assert.Equal("Completed", record.GetProperty("outcome").GetString());

            await app.StopAsync();
            await app.StartAsync();
            await app.SignInAsync();
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Single(await Airtime(app, date), r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId);

            var db = AppDatabase.Postgres(database.ConnectionString);
            Assert.True(new AirtimeRepository(db).Verify().Intact);
            using var c = db.Open();
            Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }));
            Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") > 0);
            Assert.False(File.Exists(Path.Combine(app.DataPath, "broadcasthub.db")));
            Assert.False(File.Exists(Path.Combine(app.DataPath, "hangfire.db")));
        }
        finally
        {
            output.WriteLine(app.Output);
        }
    }

    private static async Task<JsonElement> WaitForAirtime(AppProcess app, string date, long occurrenceId, TimeSpan timeout)
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
