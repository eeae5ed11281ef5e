using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Cli;
using BroadcastHub.Web.Infrastructure.Cli;

namespace BroadcastHub.Web.Tests.Infrastructure.Cli;

/// <summary>test-tone never opens a zone output stored around the allow-list; configured outputs stay free.</summary>
public sealed class TestToneAllowListTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("bh-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void A_stored_output_off_the_allow_list_is_not_opened_the_configured_one_plays()
    {
        var database = new AppDatabase(Path.Combine(_data, "broadcasthub.db"));
        Migrator.Migrate(database);
        var commune = new PlacesRepository(database, TimeProvider.System).CreateCommune("Xã Thử", null);
        var marker = Path.Combine(_data, "truncated-by-alsa.raw");
        new StationRepository(database, TimeProvider.System).SetZoneOutput(commune.ZoneId, $"alsa:file:'{marker}',raw");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var config = CliConsole.Config(("BroadcastHub:DataPath", _data), ("BroadcastHub:Outputs:Default", "null"));

        var result = CliConsole.Run(config, "test-tone", "--zone", commune.ZoneId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == CliVerbs.Ok, result.Out + result.Err);
        Assert.False(File.Exists(marker), "ALSA's file plugin was opened with the stored spec");
        Assert.Contains("not on the allow-list", result.Err);
        Assert.Contains("on null", result.Out);
    }
}
