using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using Dapper;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>An app of its own whose log holds more than ten thousand records of one day (bulk-inserted, so its chain is not intact).</summary>
public sealed class AirtimeRangeAppFactory : ReportsAppFactory
{
    public const int Records = 10_001;
    public static readonly DateTimeOffset Day = new(2030, 6, 1, 5, 0, 0, TimeSpan.FromHours(7));

    private long? _communeId;

    /// <summary>The commune whose one occurrence holds <see cref="Records"/> records, seeded on first use.</summary>
    public long CommuneId => _communeId ??= Seed();

    private long Seed()
    {
        var commune = Get<Data.Repositories.PlacesRepository>().CreateCommune("Xã Vạn Bản Ghi", null);
        var occ = Occurrence(commune.Id, Day, Bulletin("Tin dài"));
        using var c = Get<AppDatabase>().Open();
        c.Execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @last)
            INSERT INTO airtime (occurrence_id, position, bulletin_id, scheduled_start, played_seconds, outcome, recorded_at, prev_hash, hash)
            SELECT @occ, i, @bulletin, @start, 0, @outcome, @start, @zeros, @zeros FROM n
            """,
            new
            {
                last = Records - 1, occ = occ.Id, bulletin = Get<Data.Repositories.OccurrenceRepository>().Rundown(occ.Id)[0].BulletinId,
                start = SqlValues.Instant(Day.AddMinutes(1)), outcome = nameof(AirtimeOutcome.Missed), zeros = AirtimeChain.Genesis,
            });
        return commune.Id;
    }
}

[CollectionDefinition(Name)]
public sealed class AirtimeRangeCollection : ICollectionFixture<AirtimeRangeAppFactory>
{
    public const string Name = "airtime-range";
}
