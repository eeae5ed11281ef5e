using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>
/// The whole path on the real executable: commune → session a few seconds ahead → upload → approve → book →
/// Hangfire arms → the engine airs on the instant into a Broadcast Wave file → airtime says Completed → a restart
/// does not air it again. On SQLite here; the same spine runs on PostgreSQL in <c>Postgres/SpineEndToEndPostgresTests</c>.
/// </summary>
public sealed class SpineEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_booked_bulletin_airs_on_the_instant_is_logged_and_never_airs_twice()
    {
        await using var app = new AppProcess(Spine.Settings());
        await Spine.RunAsync(app, output);
    }
}
