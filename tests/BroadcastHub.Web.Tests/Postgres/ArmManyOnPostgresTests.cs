using BroadcastHub.Core.Library;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Settings;
using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Arming a whole day of a large province on Hangfire.PostgreSql: jobs are created on several connections at once and
/// recorded chunk by chunk, and still every occurrence the hub plays gets exactly one pending job, on its station's
/// queue, with its id kept on the occurrence; occurrences of a station with an enrolled agent get none; arming again
/// creates nothing; and after Hangfire's tables are lost every occurrence is armed again, once.
/// </summary>
public sealed class ArmManyOnPostgresTests
{
    private const int Communes = 500;
    private const int AgentCommunes = 20;

    [PostgresFact]
    public void Thousands_of_occurrences_armed_on_several_connections_get_one_pending_job_each_and_rearming_creates_none()
    {
        using var database = new TestPostgresDatabase();
        using var provider = Services(database.ConnectionString);
        var db = provider.GetRequiredService<AppDatabase>();
        Migrator.Migrate(db);
        var agentZones = Seed(provider);
        using (var scope = provider.CreateScope())
            scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanHorizon();   // plans two days and arms the next 24 hours

        var armable = Armable(provider);
        var ours = armable.Where(o => !agentZones.Contains(o.Occurrence.ZoneId)).ToList();
        Assert.True(ours.Count > 2 * OccurrenceArmer.JobsPerChunk, $"only {ours.Count} occurrences to arm");
        Assert.All(armable.Where(o => agentZones.Contains(o.Occurrence.ZoneId)), o => Assert.Null(o.ArmJobId));
        AssertOnePendingJobEach(db, ours);

        Assert.Equal(0, Armer(provider).EnsureArmed(Armable(provider)));
        AssertOnePendingJobEach(db, Armable(provider).Where(o => !agentZones.Contains(o.Occurrence.ZoneId)).ToList());

        using (var c = db.Open())
            c.Execute($"TRUNCATE {HangfireSetup.PostgresSchema}.job, {HangfireSetup.PostgresSchema}.jobqueue, {HangfireSetup.PostgresSchema}.set CASCADE");
        Assert.Equal(ours.Count, Armer(provider).EnsureArmed(Armable(provider)));
        var rearmed = Armable(provider).Where(o => !agentZones.Contains(o.Occurrence.ZoneId)).ToList();
        Assert.Empty(rearmed.Select(o => o.ArmJobId).Intersect(ours.Select(o => o.ArmJobId)));
        AssertOnePendingJobEach(db, rearmed);
    }

    private static void AssertOnePendingJobEach(AppDatabase db, IReadOnlyList<(Occurrence Occurrence, string? ArmJobId)> armed)
    {
        using var c = db.Open();
        var pending = c.Query<(long Id, string Arguments)>($"""
            SELECT id, arguments::text FROM {HangfireSetup.PostgresSchema}.job
            WHERE invocationdata::text LIKE '%ArmOccurrenceJob%' AND statename IN ('Scheduled', 'Enqueued', 'Processing')
            """).ToList();
        Assert.Equal(armed.Count, pending.Count);
        var byOccurrence = pending.ToLookup(j => long.Parse(j.Arguments.Split(',')[^1].Trim(' ', '[', ']', '"')), j => (j.Id, j.Arguments));
        Assert.All(armed, o =>
        {
            var job = Assert.Single(byOccurrence[o.Occurrence.Id]);
            Assert.Equal(o.ArmJobId, job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var arguments = System.Text.Json.JsonSerializer.Deserialize<string[]>(job.Arguments)!;   // each argument JSON-encoded
            Assert.Equal(Station.QueueOf(Station.MainId), System.Text.Json.JsonSerializer.Deserialize<string>(arguments[0]));
        });
    }

    private static List<(Occurrence Occurrence, string? ArmJobId)> Armable(IServiceProvider provider) =>
        provider.GetRequiredService<OccurrenceRepository>().ListArmable(provider.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(24)).ToList();

    private static OccurrenceArmer Armer(IServiceProvider provider) =>
        provider.CreateScope().ServiceProvider.GetRequiredService<OccurrenceArmer>();   // scoped; nothing to dispose

    /// <summary>Communes with three daily sessions booked for two days; the first <see cref="AgentCommunes"/> are each
    /// on a station with an enrolled agent. Returns those communes' zones.</summary>
    private static HashSet<long> Seed(IServiceProvider provider)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var bulletin = provider.GetRequiredService<BulletinRepository>().Insert(new Bulletin
        {
            Title = "Bản tin", OriginalFileName = "b.mp3", Sha256 = new string('a', 64), Codec = "mp3", Frames = 22050L * 60,
            SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = time.GetUtcNow(),
        }).Id;
        var (places, sessions, bookings) = (provider.GetRequiredService<PlacesRepository>(), provider.GetRequiredService<SessionRepository>(),
            provider.GetRequiredService<BookingRepository>());
        var (stations, agents) = (provider.GetRequiredService<StationRepository>(), provider.GetRequiredService<StationAgentRepository>());
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7));
        var agentZones = new HashSet<long>();
        for (var c = 0; c < Communes; c++)
        {
            var commune = places.CreateCommune($"Xã {c}", null);
            if (c < AgentCommunes)
            {
                var station = stations.Create($"Trạm {c}")!;
                stations.AssignZone(commune.ZoneId, station.Id);
                agents.Enrol(station.Id, $"token-{station.Id}", time.GetUtcNow());
                agentZones.Add(commune.ZoneId);
            }
            foreach (var start in new[] { new TimeOnly(5, 30), new TimeOnly(11, 0), new TimeOnly(17, 0) })
                bookings.Create(sessions.Create(commune.Id, IsoWeekdays.Every, start, 30).Id, [bulletin], today, today.AddDays(1), "test");
        }
        return agentZones;
    }

    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BroadcastHub:Database:Provider"] = "postgres", ["ConnectionStrings:BroadcastHub"] = connectionString,
        }).Build());
        services.Configure<BroadcastHubOptions>(o => o.DataPath = Path.GetTempPath());   // nothing is written there: the app's data is in PostgreSQL
        services.Configure<SchedulingOptions>(o => { o.HorizonDays = 1; o.ArmWindowHours = 24; });
        services.AddBroadcastHubCore();
        services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = HangfireSetup.PostgresSchema, PrepareSchemaIfNecessary = true }));
        return services.BuildServiceProvider();
    }
}
