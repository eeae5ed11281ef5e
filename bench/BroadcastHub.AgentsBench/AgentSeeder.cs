using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BroadcastHub.AgentsBench;

/// <summary>An enrolled station with one commune (zone) and a daily session.</summary>
public sealed record SeededStation(long StationId, string Token, long ZoneId, long SessionId);

/// <summary>
/// Seeds through the hub's JSON API only: bulletins; per simulated agent a commune, a station PC owning its zone, an
/// enrolment, a daily 17:00 session booked for the next days; and one "measured" station with three sessions a day of
/// ten items each (the agent footprint's 3 days × 3 sessions × 10 items).
/// </summary>
public sealed class AgentSeeder(HttpClient api, TextWriter log)
{
    public static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password });
        return (await Ok(response))["token"]!.GetValue<string>();
    }

    public async Task<List<long>> BulletinsAsync(int count)
    {
        var ids = new List<long>();
        for (var b = 0; b < count; b++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(LoadBench.Wav.Synthesise(b));
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", $"ban-tin-{b + 1:00}.wav");
            form.Add(new StringContent($"Bản tin tác tử {b + 1}"), "title");
            using var upload = await api.PostAsync("api/bulletins", form);
            var id = (await Ok(upload))["id"]!.GetValue<long>();
            await PostAsync($"api/bulletins/{id}/approve", new { });
            ids.Add(id);
        }
        log.WriteLine($"  {ids.Count} bulletins uploaded and approved");
        return ids;
    }

    /// <summary>One station with its commune, sessions at <paramref name="starts"/>, each booked with <paramref name="items"/> for the days.</summary>
    public async Task<SeededStation> StationAsync(int index, IReadOnlyList<string> starts, IReadOnlyList<long> items, DateOnly from, DateOnly to)
    {
        var commune = await PostAsync("api/communes", new { name = $"Xã tác tử {index + 1:0000}" });
        var zoneId = commune["zoneId"]!.GetValue<long>();
        var stationId = (await PostAsync("api/stations", new { name = $"Trạm {index + 1:0000}" }))["id"]!.GetValue<long>();
        using (var put = await api.PutAsJsonAsync($"api/zones/{zoneId}/station", new { stationId })) await Ok(put);
        var token = (await PostAsync($"api/stations/{stationId}/enrol", new { }))["token"]!.GetValue<string>();
        long firstSession = 0;
        foreach (var start in starts)
        {
            var session = (await PostAsync("api/sessions", new
            {
                communeId = commune["id"]!.GetValue<long>(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start, lengthMinutes = 30,
            }))["id"]!.GetValue<long>();
            if (firstSession == 0) firstSession = session;
            await PostAsync("api/bookings", new { sessionId = session, bulletinIds = items, from = Date(from), to = Date(to), mode = "daily" });
        }
        return new SeededStation(stationId, token, zoneId, firstSession);
    }

    /// <summary>A one-day booking of <paramref name="bulletinId"/> into <paramref name="sessionId"/>: a change the agent must learn of.</summary>
    public Task BookAsync(long sessionId, long bulletinId, DateOnly day) =>
        PostAsync("api/bookings", new { sessionId, bulletinIds = new[] { bulletinId }, from = Date(day), to = Date(day) });

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonNode> PostAsync(string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        return await Ok(response);
    }

    private static async Task<JsonNode> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty answer");
    }
}
