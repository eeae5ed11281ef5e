using BroadcastHub.Playout;

namespace BroadcastHub.Station.Playout;

/// <summary>
/// The agent's own scheduler (no Hangfire): every second, arms each stored occurrence that starts within
/// <see cref="ArmLead"/> and has not ended or been claimed. The engine then waits for the instant on the station's
/// clock; arming twice does nothing. An occurrence found after its start (the PC was off) is judged by the engine:
/// late within grace, else Missed — also one that ended while the PC was off (within <see cref="CrashRecovery.Lookback"/>),
/// so its items are recorded Missed rather than never.
/// </summary>
public sealed class ArmingLoop(LocalPlayoutStore store, PlayoutEngine engine, TimeProvider time, ILogger<ArmingLoop> log) : BackgroundService
{
    /// <summary>How long before its start an occurrence is handed to the engine.</summary>
    public static readonly TimeSpan ArmLead = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Occurrences armed by the last pass.</summary>
    public int LastArmed { get; private set; }

    /// <summary>One pass: arms what is due; returns how many were handed to the engine.</summary>
    public int ArmDue()
    {
        var now = time.GetUtcNow();
        var due = store.PlannedBetween(now - CrashRecovery.Lookback, now + ArmLead);
        foreach (var occ in due) engine.Arm(occ.Id);
        LastArmed = due.Count;
        return due.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                ArmDue();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException)
            {
                log.LogError(e, "Arming failed this second; trying again");
            }
            try
            {
                await Task.Delay(Tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
