using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BroadcastHub.LoadBench;

/// <summary>What the seeding created, for the load phase to address.</summary>
public sealed record Seeded(IReadOnlyList<long> CommuneIds, IReadOnlyList<long> SessionIds, IReadOnlyList<long> BulletinIds, int Bookings, int Occurrences);

/// <summary>
/// Seeds a realistic province through the JSON API only: centres and communes, two daily sessions per commune,
/// approved bulletins (synthesised WAVs, uploaded and analysed by the app), and daily bookings for the next 14 days.
/// </summary>
public sealed class ApiSeeder(HttpClient api, TextWriter log)
{
    public const int Centres = 5;
    public const int BulletinsPerBooking = 3;

    public static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password });
        var body = await Ok(response);
        return body["token"]!.GetValue<string>();
    }

    public async Task<Seeded> SeedAsync(int communes, int bulletins, DateOnly today, int days)
    {
        var province = await PostAsync("api/units", new { name = "Tỉnh Bench", parentUnitId = (long?)null });
        var centres = new List<long>();
        for (var c = 1; c <= Centres; c++)
            centres.Add(Id(await PostAsync("api/units", new { name = $"Trung tâm VH-TT-TT {c}", parentUnitId = Id(province) })));

        var communeIds = new List<long>();
        for (var k = 0; k < communes; k++)
            communeIds.Add(Id(await PostAsync("api/communes", new { name = $"Xã Bench {k + 1:000}", parentUnitId = centres[k % centres.Count] })));
        log.WriteLine($"  {communeIds.Count} communes under {centres.Count} centres");

        var sessionIds = new List<long>();
        foreach (var commune in communeIds)
        foreach (var start in new[] { "05:30:00", "17:00:00" })
            sessionIds.Add(Id(await PostAsync("api/sessions", new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start, lengthMinutes = 30 })));
        log.WriteLine($"  {sessionIds.Count} sessions (05:30 and 17:00, every day, 30 min)");

        var bulletinIds = new List<long>();
        for (var b = 0; b < bulletins; b++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Wav.Synthesise(b));
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", $"ban-tin-{b + 1:00}.wav");
            form.Add(new StringContent($"Bản tin thử tải số {b + 1}"), "title");
            form.Add(new StringContent("vi"), "language");
            using var upload = await api.PostAsync("api/bulletins", form);
            var id = Id(await Ok(upload));
            await PostAsync($"api/bulletins/{id}/approve", new { });
            bulletinIds.Add(id);
        }
        log.WriteLine($"  {bulletinIds.Count} bulletins uploaded (WAV 16 kHz mono, 2–5 s) and approved");

        var occurrences = 0;
        var from = Date(today);
        var to = Date(today.AddDays(days - 1));
        for (var i = 0; i < sessionIds.Count; i++)
        {
            var picked = Enumerable.Range(0, BulletinsPerBooking).Select(j => bulletinIds[(i + j * 7) % bulletinIds.Count]).ToArray();
            var booking = await PostAsync("api/bookings", new { sessionId = sessionIds[i], bulletinIds = picked, from, to, mode = "daily" });
            occurrences += booking["occurrences"]?.AsArray().Count ?? 0;
        }
        log.WriteLine($"  {sessionIds.Count} daily bookings {from} … {to} ({BulletinsPerBooking} bulletins each): {occurrences} occurrences");
        return new Seeded(communeIds, sessionIds, bulletinIds, sessionIds.Count, occurrences);
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Id(JsonNode node) => node["id"]!.GetValue<long>();

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
