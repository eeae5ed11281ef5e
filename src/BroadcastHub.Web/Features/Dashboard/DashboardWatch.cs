using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// The one source of dashboard changes: the engine's start and end of an occurrence as they happen, and — only while a
/// browser listens — a cheap look five times a second at which item airs (items follow each other without an engine
/// event), and once a second at the outputs' state, the alerts and the database's version while nothing airs (airtime written, bookings).
/// </summary>
public sealed class DashboardWatch(
    PlayoutEngine engine, DashboardSignal signal, ZoneOutputs outputs, PlacesRepository places, AppDatabase db,
    IServiceScopeFactory scopes, StationClock clock, ILogger<DashboardWatch> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private const int SlowEvery = 5;

    private readonly Dictionary<long, string> _air = new();
    private readonly Dictionary<long, string> _outputs = new();
    private string _alerts = "";
    private long _version;
    private bool _primed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        engine.PlayingChanged += OnPlayingChanged;
        try
        {
            for (var tick = 0L; !stoppingToken.IsCancellationRequested; tick++)
            {
                await Task.Delay(Tick, stoppingToken);
                if (!signal.HasListeners) continue;
                try
                {
                    LookAtAir();
                    if (tick % SlowEvery == 0) LookAtStation();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The dashboard watch could not look at the station");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            engine.PlayingChanged -= OnPlayingChanged;
        }
    }

    private void OnPlayingChanged(long zoneId) => signal.Raise(new DashboardChange("occurrence", zoneId));

    private void LookAtAir()
    {
        var now = clock.UtcNow;
        var seen = new HashSet<long>();
        foreach (var (zone, playing) in engine.Playing)
        {
            seen.Add(zone);
            var state = $"{playing.Occurrence.Id}|{now < playing.StartedAt}|{playing.IndexAt(now)}";
            if (_air.TryGetValue(zone, out var known) && known == state) continue;
            _air[zone] = state;
            signal.Raise(new DashboardChange("item", zone));
        }
        foreach (var gone in _air.Keys.Where(z => !seen.Contains(z)).ToList())
        {
            _air.Remove(gone);
            signal.Raise(new DashboardChange("item", gone));
        }
    }

    private void LookAtStation()
    {
        foreach (var zone in places.ListZones())
        {
            var s = outputs.StateOf(zone.Id);
            var state = $"{s.State}|{s.Warning is null}|{s.LastError is null}|{s.RefusedSpec is null}";
            if (_outputs.TryGetValue(zone.Id, out var known) && known == state) continue;
            _outputs[zone.Id] = state;
            if (_primed) signal.Raise(new DashboardChange("output", zone.Id));
        }
        using (var scope = scopes.CreateScope())
        {
            var alerts = string.Join("|", scope.ServiceProvider.GetRequiredService<StationAlerts>().Current().Select(a => a.Code + a.Message));
            if (_primed && alerts != _alerts) signal.Raise(new DashboardChange("alert", null));
            _alerts = alerts;
        }
        // While a zone airs, its heartbeats commit four times a second: the version says nothing then.
        var version = engine.Playing.Count > 0 ? _version : db.Version.Current();
        if (_primed && version != _version) signal.Raise(new DashboardChange("data", null));
        _version = version;
        _primed = true;
    }
}
