using BroadcastHub.Data;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>
/// <c>migrate-to-postgres --from PATH --to CONNECTION</c>: copies a SQLite deployment (the app database file) into an
/// empty PostgreSQL database and verifies the airtime chain there. The media folder is copied by the operator.
/// </summary>
internal static class MigrateToPostgresVerb
{
    public static int Run(string[] args, IConfiguration config, TextWriter stdout, TextWriter stderr)
    {
        _ = config;
        var a = new CliArguments(args, "from", "to");
        a.EnsureOnly("from", "to");
        var from = a.Value("from") ?? throw new CliUsageException("migrate-to-postgres needs --from <path to broadcasthub.db>.");
        var to = a.Value("to") ?? throw new CliUsageException("migrate-to-postgres needs --to \"<Npgsql connection string>\".");
        try
        {
            var report = SqliteToPostgresCopy.Run(from, to);
            foreach (var (table, rows) in report.Rows.OrderBy(r => r.Key, StringComparer.Ordinal)) stdout.WriteLine($"{table}: {rows} rows");
            stdout.WriteLine(report.Chain.Intact
                ? $"airtime chain intact on the target ({report.Chain.Records} records)"
                : $"airtime chain BROKEN on the target: {report.Chain.Code}");
            return report.Chain.Intact ? CliVerbs.Ok : CliVerbs.Failed;
        }
        catch (Exception e) when (e is InvalidOperationException || SqlDialect.IsDatabaseError(e))
        {
            stderr.WriteLine($"migrate-to-postgres refused: {e.Message.Split('\n')[0]}");
            return CliVerbs.Failed;
        }
    }
}
