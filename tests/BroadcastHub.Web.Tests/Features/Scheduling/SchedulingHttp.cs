using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>Intent helpers for the scheduling API tests: a commune with a session, bookings, rundowns.</summary>
internal sealed class SchedulingHttp(AppFactory app, HttpClient client)
{
    public HttpClient Client => client;

    public static string Day(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(offset).ToString("yyyy-MM-dd");

    public async Task<long> CommuneAsync(string name) =>
        (await (await client.PostAsJsonAsync("/api/communes", new { name })).JsonAsync()).GetProperty("id").GetInt64();

    public async Task<long> SessionAsync(long communeId, string start, int minutes) =>
        (await (await client.PostAsJsonAsync("/api/sessions", new { communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start, lengthMinutes = minutes }))
            .JsonAsync()).GetProperty("id").GetInt64();

    public async Task<JsonElement> BookAsync(object body)
    {
        var response = await client.PostAsJsonAsync("/api/bookings", body);
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    /// <summary>(bulletin id, offset seconds, fill) of each item of the session's rundown on a date.</summary>
    public async Task<IReadOnlyList<(long Bulletin, double Offset, string? Fill)>> RundownAsync(long sessionId, string date) =>
        (await RundownJsonAsync(sessionId, date)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("bulletinId").GetInt64(), i.GetProperty("offsetSeconds").GetDouble(),
                i.GetProperty("fill").ValueKind == JsonValueKind.Null ? null : i.GetProperty("fill").GetString())).ToList();

    public async Task<JsonElement> RundownJsonAsync(long sessionId, string date) =>
        await (await client.GetAsync($"/api/sessions/{sessionId}/rundown?date={date}")).JsonAsync();

    public long Scalar(string sql, object? args = null)
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<long>(sql, args);
    }
}
