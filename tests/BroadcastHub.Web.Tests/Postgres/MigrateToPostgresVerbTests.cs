using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Infrastructure.Cli;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary><c>migrate-to-postgres --from --to</c>: copies, reports rows and the chain; refuses a non-empty target by name.</summary>
public sealed class MigrateToPostgresVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bh-m2pg-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [PostgresFact]
    public void The_verb_copies_a_sqlite_deployment_and_then_refuses_to_copy_into_the_same_database_again()
    {
        var path = Path.Combine(_dir, "broadcasthub.db");
        var sqlite = new AppDatabase(path);
        Migrator.Migrate(sqlite);
        new PlacesRepository(sqlite, TimeProvider.System).CreateCommune("Xã Lũng Cú", null);
        new UserRepository(sqlite, TimeProvider.System).Create("bientap", "hash", "Operator", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var target = new TestPostgresDatabase();

        var copied = CliConsole.Run(CliConsole.Config(), "migrate-to-postgres", "--from", path, "--to", target.ConnectionString);

        Assert.True(copied.ExitCode == 0, copied.Err);
        Assert.Contains("communes: 1 rows", copied.Out);
        Assert.Contains("users: 1 rows", copied.Out);
        Assert.Contains("airtime chain intact", copied.Out);
        Assert.Equal("Xã Lũng Cú", Assert.Single(new PlacesRepository(AppDatabase.Postgres(target.ConnectionString), TimeProvider.System).ListCommunes()).Name);

        var again = CliConsole.Run(CliConsole.Config(), "migrate-to-postgres", "--from", path, "--to", target.ConnectionString);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.Err);
    }

    [Fact]
    public void Missing_arguments_are_a_usage_error()
    {
        var result = CliConsole.Run(CliConsole.Config(), "migrate-to-postgres", "--from", "x.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--to", result.Err);
    }
}
