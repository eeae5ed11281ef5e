using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.AgentsBench;

/// <summary>
/// One simulated agent: the push connection a real agent opens (same URL, bearer token, JSON protocol) and the polling
/// it does every <c>PollSeconds</c> (manifest with <c>If-None-Match</c>, heartbeat). It plays nothing.
/// </summary>
public sealed class SimulatedAgent(SeededStation station, Uri hub, HttpClient http, int days) : IAsyncDisposable
{
    private HubConnection? _connection;
    private string? _version;
    private TaskCompletionSource? _changed;

    public SeededStation Station { get; } = station;

    public async Task ConnectAsync(Stats connects)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hub, $"api/station/push?days={days}"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(Station.Token))
            .AddJsonProtocol(j => j.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .Build();
        _connection.On<JsonElement>("changed", _ => _changed?.TrySetResult());
        var watch = Stopwatch.StartNew();
        try
        {
            await _connection.StartAsync();
            connects.Add(watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e)
        {
            connects.Fail(e.Message);
        }
    }

    public bool Connected => _connection?.State == HubConnectionState.Connected;

    /// <summary>Arms the wait for the next <c>changed</c>.</summary>
    public Task NextChange()
    {
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _changed.Task;
    }

    /// <summary>One poll round: manifest (304 when unchanged) and heartbeat, each timed.</summary>
    public async Task PollAsync(Stats manifests, Stats heartbeats)
    {
        await Timed(manifests, async () =>
        {
            using var request = Request(HttpMethod.Get, $"api/station/manifest?days={days}");
            if (_version is not null) request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{_version}\"");
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.NotModified) return;
            response.EnsureSuccessStatusCode();
            _version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        });
        await Timed(heartbeats, async () =>
        {
            using var request = Request(HttpMethod.Post, "api/station/heartbeat");
            request.Content = JsonContent.Create(new
            {
                agentVersion = "bench", clockUtc = DateTimeOffset.UtcNow, ntpSynchronized = (bool?)null, cacheReadyUntil = DateTimeOffset.UtcNow.AddDays(days),
                pendingAirtime = 0, zones = new[] { new { zoneId = Station.ZoneId, outputState = "unknown" } },
            });
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(hub, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Station.Token);
        return request;
    }

    private static async Task Timed(Stats stats, Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await call();
            stats.Add(watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e)
        {
            stats.Fail(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
