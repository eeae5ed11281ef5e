using System.Text.Json;
using BroadcastHub.Core.Airtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>
/// Writes airtime records so that nothing aired is lost: a write the database refuses (locked, disk full, read-only)
/// is kept in memory and in a spool file under the data folder, retried in order with back-off, and raises the
/// <c>airtime_write_failed</c> alert until every record is written. Signs a checkpoint of the chain when one is due.
/// </summary>
public sealed class AirtimeWriter
{
    private readonly IAirtimeAppend _append;
    private readonly IAirtimeCheckpoint _checkpoints;
    private readonly AirtimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AirtimeWriter> _log;
    private readonly string _spool;
    private readonly List<(AirtimeRecord Record, string? File)> _pending = [];
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _nextAttempt;

    /// <summary>Loads records a previous run could not write from the spool folder.</summary>
    public AirtimeWriter(IAirtimeAppend append, IAirtimeCheckpoint checkpoints, IOptions<AirtimeOptions> options,
        IOptions<PlayoutOptions> playout, TimeProvider time, ILogger<AirtimeWriter> log)
    {
        (_append, _checkpoints, _options, _time, _log) = (append, checkpoints, options.Value, time, log);
        _spool = Path.Combine(playout.Value.FullDataPath, "spool", "airtime");
        if (!Directory.Exists(_spool)) return;
        foreach (var file in Directory.GetFiles(_spool, "*.json").Order(StringComparer.Ordinal))
            if (JsonSerializer.Deserialize<AirtimeRecord>(File.ReadAllText(file)) is { } record) _pending.Add((record, file));
    }

    /// <summary>Why the last attempt failed and how many records wait, while any wait; else null.</summary>
    public (int Pending, string Error)? Failure { get; private set; }

    /// <summary>Writes the record now, or keeps it for a later attempt if the database refuses it (or older ones still wait).</summary>
    public void Write(AirtimeRecord record)
    {
        lock (_gate)
        {
            _pending.Add((record, null));
            if (!Flush())
            {
                var last = _pending.Count - 1;
                _pending[last] = (record, Spool(record));
            }
        }
    }

    /// <summary>Positions of an occurrence that aired but wait to be written; crash recovery counts them as recorded.</summary>
    public IReadOnlySet<int> PendingPositions(long occurrenceId)
    {
        lock (_gate) return _pending.Where(p => p.Record.OccurrenceId == occurrenceId).Select(p => p.Record.Position).ToHashSet();
    }

    /// <summary>Retries the waiting records when their back-off has passed. Returns true when none waits.</summary>
    public bool RetryIfDue()
    {
        lock (_gate) return _pending.Count == 0 || (_time.GetUtcNow() >= _nextAttempt && Flush());
    }

    /// <summary>Writes the waiting records in order now. Returns true when none waits any more.</summary>
    public bool Flush()
    {
        lock (_gate)
        {
            while (_pending.Count > 0)
            {
                var (record, file) = _pending[0];
                try
                {
                    _append.TryAppend(record);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
                {
                    _failures++;
                    var wait = TimeSpan.FromSeconds(Math.Min(_options.WriteRetryMaxSeconds, Math.Pow(2, Math.Min(_failures - 1, 16))));
                    _nextAttempt = _time.GetUtcNow() + wait;
                    Failure = (_pending.Count, e.Message);
                    _log.LogError(e, "Airtime of occurrence {Id} item {Position} could not be written ({Pending} waiting); retry in {Wait}",
                        record.OccurrenceId, record.Position, _pending.Count, wait);
                    return false;
                }
                _pending.RemoveAt(0);
                if (file is not null) File.Delete(file);
            }
            if (Failure is not null) _log.LogWarning("Every waiting airtime record is written now");
            (_failures, Failure) = (0, null);
        }
        SignCheckpointIfDue();
        return true;
    }

    private void SignCheckpointIfDue()
    {
        try
        {
            _checkpoints.SignIfDue(_options.CheckpointEveryRecords, TimeSpan.FromMinutes(_options.CheckpointEveryMinutes));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            _log.LogWarning(e, "The airtime checkpoint could not be signed now; it will be on a later write");
        }
    }

    private string? Spool(AirtimeRecord record)
    {
        try
        {
            Directory.CreateDirectory(_spool);
            var file = Path.Combine(_spool, $"{_time.GetUtcNow().UtcTicks:D20}-{record.OccurrenceId}-{record.Position}.json");
            File.WriteAllText(file, JsonSerializer.Serialize(record));
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogError(e, "Airtime of occurrence {Id} item {Position} is kept in memory only: the spool folder cannot be written",
                record.OccurrenceId, record.Position);
            return null;
        }
    }
}
