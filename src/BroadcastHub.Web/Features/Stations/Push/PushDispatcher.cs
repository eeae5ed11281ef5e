using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Newsroom.Tts;
using BroadcastHub.Web.Features.Stations.Push;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.SignalR;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>
/// Acts on a signal that reached this node: emergencies and stops go to this node's connections of the station at once;
/// <c>changed</c> and <c>revoked</c> wake <see cref="PushMaintenance"/>, which compares versions and tokens.
/// Never blocks the caller (a request, or the backplane's listener).
/// </summary>
public sealed class PushDispatcher(PushConnections connections, IHubContext<StationPushHub> hub, IServiceScopeFactory scopes,
    ILogger<PushDispatcher> log)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Completes when a <c>changed</c> or <c>revoked</c> signal arrived since the last call, or at <paramref name="ct"/>.</summary>
    public async Task<bool> WaitForCheckAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.WaitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Handles <paramref name="signal"/> on this node.</summary>
    public void Deliver(PushSignal signal)
    {
        switch (signal.Kind)
        {
            case PushKind.Changed or PushKind.Revoked:
                Wake();
                break;
            case PushKind.Emergency when signal.StationId is { } station && connections.Of(station).Count > 0:
                _ = Task.Run(() => SendEmergencyAsync(station, signal.Arg));
                break;
            case PushKind.Stop when signal.StationId is { } station && connections.Of(station).Count > 0:
                _ = Task.Run(() => SendAsync(station, StationPushHub.Messages.Stop, new { zoneId = signal.Arg }));
                break;
        }
    }

    private void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { }   // a check is already due
    }

    private async Task SendEmergencyAsync(long stationId, long occurrenceId)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var manifest = scope.ServiceProvider.GetRequiredService<StationManifestBuilder>().Build(stationId, 1);
            if (manifest.Occurrences.FirstOrDefault(o => o.Id == occurrenceId) is not { } occurrence)
            {
                log.LogWarning("Emergency occurrence {OccurrenceId} is not in station {StationId}'s manifest; not pushed", occurrenceId, stationId);
                return;
            }
            await SendAsync(stationId, StationPushHub.Messages.Emergency, occurrence);
        }
        catch (Exception e)
        {
            log.LogError(e, "Emergency {OccurrenceId} could not be pushed to station {StationId}", occurrenceId, stationId);
        }
    }

    private async Task SendAsync(long stationId, string method, object payload)
    {
        var ids = connections.Of(stationId).Select(c => c.Id).ToList();
        if (ids.Count == 0) return;
        try
        {
            await hub.Clients.Clients(ids).SendAsync(method, payload);
            log.LogInformation("Pushed {Method} to station {StationId}", method, stationId);
        }
        catch (Exception e)
        {
            log.LogWarning("Push of {Method} to station {StationId} failed: {Reason}", method, stationId, e.Message);
        }
    }
}
