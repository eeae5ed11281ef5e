using BroadcastHub.Data;
using Dapper;
using Npgsql;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>
/// Several nodes (PostgreSQL): a signal is a <c>NOTIFY</c> on one channel; every node <c>LISTEN</c>s
/// (<see cref="PostgresPushListener"/>) and delivers it to its own connections. No extra service to run: the database
/// the nodes already share is the backplane.
/// </summary>
public sealed class PostgresPushBus(AppDatabase db) : IStationPushBus
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "bh_station_push";

    /// <inheritdoc />
    public void Publish(PushSignal signal)
    {
        using var c = db.Open();
        c.Execute("SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload = signal.Encode() });
    }
}

/// <summary>
/// On PostgreSQL, holds one connection that <c>LISTEN</c>s on <see cref="PostgresPushBus.Channel"/> and reconnects with
/// back-off when it drops; on SQLite (one node) it does nothing.
/// </summary>
public sealed class PostgresPushListener(AppDatabase db, PushDispatcher dispatcher, TimeProvider time, ILogger<PostgresPushListener> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!db.Dialect.IsPostgres) return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)db.Open();
                connection.Notification += (_, e) =>
                {
                    if (PushSignal.Decode(e.Payload) is { } signal) dispatcher.Deliver(signal);
                };
                await connection.ExecuteAsync($"LISTEN {PostgresPushBus.Channel}");
                failures = 0;
                // A change made while this node was not listening is caught by one check of every agent's version.
                dispatcher.Deliver(new PushSignal(null, PushKind.Changed));
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                failures++;
                log.LogWarning("Push backplane: LISTEN connection lost ({Reason}); retrying", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), time, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
