using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.EndToEnd;

namespace BroadcastHub.Web.Tests.AgentEndToEnd;

/// <summary>A real hub process and a real agent process enrolled for a station that plays one fresh commune's zone.</summary>
public sealed class HubWithAgent : IAsyncDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private HubWithAgent(AppProcess hub, AgentProcess agent, long communeId, long zoneId)
    {
        (Hub, Agent, CommuneId, ZoneId) = (hub, agent, communeId, zoneId);
    }

    public AppProcess Hub { get; }
    public AgentProcess Agent { get; }
    public long CommuneId { get; }
    public long ZoneId { get; }

    /// <summary>
    /// Starts the hub (with <paramref name="hubSettings"/> too), enrols a new station for a new commune's zone, and starts
    /// its agent (with <paramref name="agentSettings"/> too).
    /// </summary>
    public static async Task<HubWithAgent> StartAsync(string commune, IDictionary<string, string>? hubSettings = null, IDictionary<string, string>? agentSettings = null)
    {
        var settings = new Dictionary<string, string> { ["BroadcastHub__HouseFormat__SampleRate"] = "22050" };
        foreach (var (key, value) in hubSettings ?? new Dictionary<string, string>()) settings[key] = value;
        var hub = new AppProcess(settings);
        AgentProcess? agent = null;
        try
        {
            await hub.StartAsync();
            await hub.SignInAsync();
            var created = await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/communes", new { name = commune }));
            var zoneId = created.GetProperty("zoneId").GetInt64();
            var stationId = (await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/stations", new { name = "Trạm " + commune }))).GetProperty("id").GetInt64();
            (await hub.Http.PutAsJsonAsync($"/api/zones/{zoneId}/station", new { stationId })).EnsureSuccessStatusCode();
            var token = (await AppProcess.JsonAsync(hub.Http.PostAsync($"/api/stations/{stationId}/enrol", null))).GetProperty("token").GetString()!;
            agent = new AgentProcess(hub.Http.BaseAddress!, token, agentSettings);
            await agent.StartAsync();
            return new HubWithAgent(hub, agent, created.GetProperty("id").GetInt64(), zoneId);
        }
        catch
        {
            // A rig that failed to start must not leave a hub or agent process (and its data folder) behind.
            if (agent is not null) await agent.DisposeAsync();
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>The hub's airtime records of <paramref name="occurrenceId"/> on <paramref name="date"/>, by position.</summary>
    public async Task<List<JsonElement>> HubRecordsAsync(string date, long occurrenceId) =>
        (await Hub.Http.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}")).EnumerateArray()
            .Where(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId).OrderBy(r => r.GetProperty("position").GetInt32()).ToList();

    /// <summary>Waits until the hub holds <paramref name="count"/> records of the occurrence (or the timeout), and returns them.</summary>
    public async Task<List<JsonElement>> WaitForHubRecordsAsync(string date, long occurrenceId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var found = new List<JsonElement>();
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                found = await HubRecordsAsync(date, occurrenceId);
                if (found.Count >= count) return found;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        return found;
    }

    /// <summary>What the hub's own file output wrote for the zone (nothing: the agent plays it).</summary>
    public string[] HubRecordings()
    {
        var folder = Path.Combine(Hub.DataPath, "air", $"zone{ZoneId}");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.wav", SearchOption.AllDirectories) : [];
    }

    public string Output => "--- hub ---\n" + Hub.Output + "\n--- agent ---\n" + Agent.Output;

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Hub.DisposeAsync();
    }
}
