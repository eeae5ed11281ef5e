using System.Data.Common;

namespace BroadcastHub.Data;

/// <summary>
/// A number that changes whenever any connection — of this process or another, such as a second station PC or a second
/// hub node — commits a change to the database. On SQLite it is <c>PRAGMA data_version</c> read on one dedicated
/// connection that never writes, so every commit is "another connection's" and moves it. On PostgreSQL it is the
/// transactional change counter that statement triggers on every table bump (<see cref="Migrator"/>): a bump becomes
/// visible only with its commit, so a reader never sees a new version before the data it stands for.
/// </summary>
/// <param name="openProbe">Opens a connection to read the version on.</param>
/// <param name="versionQuery">The query that reads it.</param>
/// <param name="pooled">PostgreSQL: read it on a pooled connection per call, so concurrent requests do not queue on one
/// probe connection's round trip (the web load bench on two nodes used one core of two, waiting on it).</param>
/// <param name="openPooledAsync">PostgreSQL: opens a pooled connection without blocking a thread (<see cref="PrefetchAsync"/>).</param>
public sealed class DataVersion(Func<DbConnection> openProbe, string versionQuery, bool pooled = false,
    Func<CancellationToken, Task<DbConnection>>? openPooledAsync = null) : IDisposable
{
    /// <summary>
    /// The query that reads PostgreSQL's change counter: the sum of its slots (<see cref="PostgresChangeCounter.Slots"/>),
    /// each reached through its unique index. While an old snapshot keeps the counter's dead versions from being pruned,
    /// its updates spill onto new pages (211 pages after the web load bench's seeding with one row, 361 with the slots),
    /// and reading the table by scanning every page cost every request up to 1 ms of the server's time.
    /// </summary>
    public static readonly string PostgresQuery =
        $"SELECT sum(c.value)::bigint FROM generate_series(0, {PostgresChangeCounter.Slots - 1}) s(slot) " +
        "CROSS JOIN LATERAL (SELECT value FROM bh_change_counter WHERE slot = s.slot OFFSET 0) c";

    private readonly Lock _gate = new();
    private DbConnection? _probe;
    private DbCommand? _query;

    /// <summary>
    /// The current version; equal values mean nothing was committed in between. Inside a <see cref="BeginScope"/> (a web
    /// request) the version read once serves the scope's later calls while the scope has no connection of its own open.
    /// </summary>
    public long Current()
    {
        var scope = DataVersionScope.Of(this);
        long epoch = 0;
        if (scope is not null && scope.TryGet(out var remembered, out epoch)) return remembered;
        var now = Read();
        scope?.Remember(now, epoch);
        return now;
    }

    /// <summary>
    /// Reads the version for the current flow's scope ahead of its first cached read, without blocking a thread: a
    /// synchronous read waits for the server's answer on a socket, and on a busy machine that wait spun a core (the web
    /// load bench on two PostgreSQL nodes spent a fifth of each node's CPU there). Does nothing without a scope, when
    /// the scope already holds a version, or on SQLite (its version is a local read).
    /// </summary>
    public async ValueTask PrefetchAsync(CancellationToken cancellationToken)
    {
        if (openPooledAsync is null || DataVersionScope.Of(this) is not { } scope || scope.TryGet(out _, out var epoch)) return;
        try
        {
            await using var connection = await openPooledAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = versionQuery;
            var value = await command.ExecuteScalarAsync(cancellationToken);
            scope.Remember(Convert.ToInt64(value!, System.Globalization.CultureInfo.InvariantCulture), epoch);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            // Only a head start: with the database away the request's own first read fails where it always did (a 503
            // with its code, or /health reporting the database down).
        }
    }

    /// <summary>Starts a request's scope for the current async flow (see <see cref="DataVersionScope"/>); dispose it at the end.</summary>
    public DataVersionScope BeginScope() => DataVersionScope.Begin(this);

    /// <summary>Tells the current flow's scope, if any, that it opened <paramref name="connection"/>.</summary>
    internal void Track(DbConnection connection) => DataVersionScope.Of(this)?.Track(connection);

    private long Read()
    {
        if (pooled)
        {
            using var connection = openProbe();
            using var command = connection.CreateCommand();
            command.CommandText = versionQuery;
            return Convert.ToInt64(command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        }
        lock (_gate)
        {
            try
            {
                if (_query is null)
                {
                    _probe = openProbe();
                    _query = _probe.CreateCommand();
                    _query.CommandText = versionQuery;
                    _query.Prepare();
                }
                return Convert.ToInt64(_query.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch
            {
                Close();   // a lost connection is reopened by the next call, once the database is back
                throw;
            }
        }
    }

    /// <summary>Closes the probe connection.</summary>
    public void Dispose()
    {
        lock (_gate) Close();
    }

    private void Close()
    {
        _query?.Dispose();
        _probe?.Dispose();
        (_query, _probe) = (null, null);
    }
}
