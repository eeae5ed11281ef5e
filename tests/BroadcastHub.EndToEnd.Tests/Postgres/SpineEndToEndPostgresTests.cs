using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.EndToEnd;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// The spine of <see cref="SpineEndToEndTests"/> (upload → approve → book → Hangfire arms → the engine airs → airtime
/// Completed → a restart airs nothing twice) on the real executable with <c>BroadcastHub:Database:Provider = postgres</c>:
/// the app database and Hangfire (Hangfire.PostgreSql) in one fresh PostgreSQL database, no SQLite file written.
/// </summary>
public sealed class SpineEndToEndPostgresTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_booked_bulletin_airs_on_the_instant_is_logged_and_never_airs_twice_on_PostgreSQL()
    {
        using var database = new TestPostgresDatabase();
        await using var app = new AppProcess(Spine.Settings(new Dictionary<string, string>
        {
            ["BroadcastHub__Database__Provider"] = "postgres",
            ["ConnectionStrings__BroadcastHub"] = database.ConnectionString,
        }));
        var occurrenceId = await Spine.RunAsync(app, output);

        var db = AppDatabase.Postgres(database.ConnectionString);
        Assert.True(new AirtimeRepository(db).Verify().Intact);
        using var c = db.Open();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }));
        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") > 0);
        Assert.False(File.Exists(Path.Combine(app.DataPath, "broadcasthub.db")));
        Assert.False(File.Exists(Path.Combine(app.DataPath, "hangfire.db")));
    }
}
