using System.Globalization;
using System.Net;
using System.Text.Json;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Sync;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Push;

/// <summary>
/// Keeps the SignalR connection to the hub's <c>/api/station/push</c> open (station token as bearer). On <c>changed</c>
/// with a version other than the stored one, and on every (re)connection, it wakes the sync loop; <c>emergency</c> and
/// <c>stop</c> go to <see cref="IAgentPlayout"/>. A lost connection is retried with back-off (1 s doubling to 60 s; 5 min
/// after the hub refused the token); meanwhile polling every <c>PollSeconds</c> goes on as before.
/// </summary>
public sealed class PushClient(IOptions<StationOptions> options, IServiceProvider services, SyncTrigger trigger, SyncState state,
    TimeProvider time, ILogger<PushClient> log) : BackgroundService
{
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefusedRetry = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnrolled) return;
        var store = services.GetRequiredService<ManifestStore>();
        var playout = services.GetRequiredService<IAgentPlayout>();
        await using var connection = Build(options.Value);
        connection.On<ChangedMessage>("changed", m =>
        {
            if (m.Version != store.State()?.Version) trigger.Request();
        });
        connection.On<HubOccurrence>("emergency", o => Run("emergency", () => playout.PlayEmergencyAsync(o, stoppingToken), then: trigger.Request));
        connection.On<StopMessage>("stop", m => Run("stop", () => playout.StopAsync(m.ZoneId, stoppingToken)));
        connection.On<RevokedMessage>("revoked", m => log.LogWarning("The hub revoked this station's token: {Message}", m.Message));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            TimeSpan wait;
            try
            {
                await connection.StartAsync(stoppingToken);
                failures = 0;
                state.PushConnected(true, null);
                log.LogInformation("Push channel connected");
                trigger.Request();   // catch up with whatever changed while disconnected
                await closed.Task.WaitAsync(stoppingToken);
                state.PushConnected(false, "The push connection closed.");
                wait = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var refused = e is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };
                wait = refused ? RefusedRetry : DelayAfter(failures);
                state.PushConnected(false, refused ? "The hub refused the station token on the push channel." : $"Push channel: {e.Message}");
                log.LogWarning("Push channel not connected ({Reason}); polling meanwhile, retrying in {Seconds:0} s", e.Message, wait.TotalSeconds);
            }
            try { await Task.Delay(wait, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The wait after <paramref name="failures"/> failed attempts in a row: 1 s doubling, at most 60 s.</summary>
    public static TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetry.TotalSeconds, Math.Pow(2, Math.Clamp(failures - 1, 0, 10))));

    private static HubConnection Build(StationOptions o)
    {
        var root = o.Hub.Url!.EndsWith('/') ? o.Hub.Url : o.Hub.Url + "/";
        var url = new Uri(new Uri(root), "api/station/push?days=" + o.Station.CacheDays.ToString(CultureInfo.InvariantCulture));
        var token = o.Hub.StationToken!;
        return new HubConnectionBuilder()
            .WithUrl(url, c => c.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(j => j.PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .Build();
    }

    private void Run(string what, Func<Task> action, Action? then = null) => _ = Task.Run(async () =>
    {
        try
        {
            await action();
            then?.Invoke();
        }
        catch (Exception e)
        {
            log.LogError(e, "Push {What} failed", what);
        }
    });
}
