using BroadcastHub.Data;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure;
using Dapper;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Which recorded arm jobs are still pending (scheduled, enqueued or processing). Hangfire's storage API reads one job a
/// call; on PostgreSQL, where Hangfire.PostgreSql keeps its tables in the app database, every job asked for is read in
/// one query instead (a whole-horizon replan of 10,000 communes asks for 20,000: 7 s one by one, a few ms at once).
/// </summary>
public sealed class ArmJobStates(JobStorage storage, AppDatabase db)
{
    private static readonly HashSet<string> PendingStates = [ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName];

    /// <summary>The subset of <paramref name="jobIds"/> whose job exists and is pending.</summary>
    public IReadOnlySet<string> Pending(IReadOnlyCollection<string> jobIds)
    {
        if (jobIds.Count == 0) return new HashSet<string>();
        if (storage is PostgreSqlStorage && db.Dialect.IsPostgres) return PendingOnPostgres(jobIds);
        using var connection = storage.GetConnection();
        return jobIds.Where(id => connection.GetJobData(id)?.State is { } state && PendingStates.Contains(state)).ToHashSet();
    }

    /// <summary>Whether one job is pending.</summary>
    public bool IsPending(string jobId) => Pending([jobId]).Contains(jobId);

    private HashSet<string> PendingOnPostgres(IReadOnlyCollection<string> jobIds)
    {
        var ids = jobIds.Select(id => long.TryParse(id, out var n) ? n : -1).Where(n => n > 0).ToArray();
        using var c = db.Open();
        return c.Query<long>($"SELECT id FROM {HangfireSetup.PostgresSchema}.job WHERE id = ANY(@ids) AND statename = ANY(@states)",
                new { ids, states = PendingStates.ToArray() })
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }
}
