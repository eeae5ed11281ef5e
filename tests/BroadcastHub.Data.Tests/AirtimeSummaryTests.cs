using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

public abstract class AirtimeSummaryTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;
    private readonly AirtimeSummaryRepository _summary;
    private readonly DateTimeOffset _day = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero); // 00:00 local on 27 Nov

    protected AirtimeSummaryTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
        _summary = new AirtimeSummaryRepository(_db.Database);
    }

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Counts_planned_and_every_outcome_per_commune_of_the_units_subtree()
    {
        var province = _seed.Places.CreateUnit("Tỉnh", null);
        var centre = _seed.Places.CreateUnit("Trung tâm", province.Id);
        var other = _seed.Places.CreateUnit("Khác", null);
        var a = _seed.Commune("Xã A", centre.Id);
        var b = _seed.Commune("Xã B", province.Id);
        var idle = _seed.Commune("Xã C (chưa có lịch)", centre.Id);
        var outside = _seed.Commune("Xã D", other.Id);

        var morning = _seed.Occurrence(a.Id, _day.AddHours(5.5), 8);
        Record(morning, AirtimeOutcome.Completed, AirtimeOutcome.Completed, AirtimeOutcome.Late, AirtimeOutcome.Missed,
            AirtimeOutcome.Truncated, AirtimeOutcome.Preempted, AirtimeOutcome.Failed, AirtimeOutcome.Interrupted);
        var evening = _seed.Occurrence(a.Id, _day.AddHours(17), 3);
        Record(evening, AirtimeOutcome.Skipped);
        var notYet = _seed.Occurrence(b.Id, _day.AddHours(17), 2);
        var tomorrow = _seed.Occurrence(a.Id, _day.AddDays(1).AddHours(5.5), 4);
        Record(tomorrow, AirtimeOutcome.Completed);
        Record(_seed.Occurrence(outside.Id, _day.AddHours(5.5), 1), AirtimeOutcome.Completed);

        var rows = _summary.Summarize(_day, _day.AddDays(1), province.Id);

        Assert.Equal(["Xã A", "Xã B", "Xã C (chưa có lịch)"], rows.Select(r => r.CommuneName));
        Assert.Equal(new CommuneAirtimeSummary
        {
            CommuneId = a.Id, CommuneName = "Xã A", Planned = 11, Aired = 3, Late = 1, Missed = 1, Truncated = 1, Preempted = 1,
            Failed = 1, Interrupted = 1, Skipped = 1, MinutesAired = rows[0].MinutesAired,
        }, rows[0]);
        Assert.Equal((3 * 60 + 4 * 30) / 60.0, rows[0].MinutesAired, 9);
        Assert.Equal(new CommuneAirtimeSummary { CommuneId = b.Id, CommuneName = "Xã B", Planned = 2 }, rows[1]);
        Assert.Equal(new CommuneAirtimeSummary { CommuneId = idle.Id, CommuneName = "Xã C (chưa có lịch)" }, rows[2]);
        Assert.Equal(2, _summary.Summarize(_day, _day.AddDays(1), centre.Id).Count);
        Assert.Equal(4, _summary.Summarize(_day, _day.AddDays(1), null).Count);
        Assert.Equal(15, _summary.Summarize(_day, _day.AddDays(2), province.Id)[0].Planned);
        Assert.Empty(_summary.Summarize(_day, _day.AddDays(1), 999_999));
        Assert.NotNull(notYet);
    }

    [DbFact]
    public void Cancelled_occurrences_are_not_planned_and_emergencies_are()
    {
        var commune = _seed.Commune("Xã E");
        var cancelled = _seed.Occurrence(commune.Id, _day.AddHours(5.5), 5);
        new OccurrenceRepository(_db.Database).TryTransition(cancelled.Id, OccurrenceState.Cancelled, _day);
        new OccurrenceRepository(_db.Database).CreateEmergency(commune.ZoneId, _seed.BulletinId, new DateOnly(2026, 11, 27),
            _day.AddHours(9), _day.AddHours(9.1));

        var row = Assert.Single(_summary.Summarize(_day, _day.AddDays(1), null));
        Assert.Equal(1, row.Planned);
    }

    [DbFact]
    public void Lines_carry_commune_and_bulletin_names_in_time_order()
    {
        var unit = _seed.Places.CreateUnit("Trung tâm", null);
        var commune = _seed.Commune("Xã Lũng Cú", unit.Id);
        var late = _seed.Occurrence(commune.Id, _day.AddHours(17), 1);
        var early = _seed.Occurrence(commune.Id, _day.AddHours(5.5), 2);
        Record(late, AirtimeOutcome.Completed);
        Record(early, AirtimeOutcome.Late, AirtimeOutcome.Missed);
        Record(_seed.Occurrence(_seed.Commune("Xã khác").Id, _day.AddHours(6), 1), AirtimeOutcome.Completed);

        var lines = _summary.Lines(_day, _day.AddDays(1), unit.Id).ToList();

        Assert.Equal([AirtimeOutcome.Late, AirtimeOutcome.Missed, AirtimeOutcome.Completed], lines.Select(l => l.Record.Outcome));
        Assert.All(lines, l => Assert.Equal(("Xã Lũng Cú", "Bản tin sáng", commune.Id), (l.CommuneName, l.BulletinTitle, l.Record.CommuneId)));
        Assert.Equal(4, _summary.Lines(_day, _day.AddDays(1), null).Count());
    }

    [DbFact]
    public void Lines_export_a_relay_record_with_its_sources_name()
    {
        var source = new RelaySourceRepository(_db.Database, _db.Time).Add("VOV1", "http://vov.example/vov1.mp3")!;
        var commune = _seed.Commune("Xã Tiếp Sóng");
        var occ = _seed.Occurrence(commune.Id, _day.AddHours(5.5), 2);
        Assert.True(_seed.Record(occ, 0, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Airtime.TryAppend(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = 1, ScheduledStart = occ.StartUtc.AddMinutes(1), ActualStart = occ.StartUtc.AddMinutes(1),
            ActualEnd = occ.StartUtc.AddMinutes(11), PlayedSeconds = 600, Outcome = AirtimeOutcome.Completed, RecordedAt = _db.Time.GetUtcNow(),
            RelaySourceId = source.Id,
        }));

        var lines = _summary.Lines(_day, _day.AddDays(1), null).ToList();

        Assert.Equal([("Bản tin sáng", 0), ("VOV1", 1)], lines.Select(l => (l.BulletinTitle, l.Record.Position)));
        Assert.Equal(source.Id, lines[1].Record.RelaySourceId);
    }

    private void Record(Occurrence occ, params AirtimeOutcome[] outcomes)
    {
        for (var p = 0; p < outcomes.Length; p++)
        {
            var seconds = outcomes[p] switch
            {
                AirtimeOutcome.Completed or AirtimeOutcome.Late => 60,
                AirtimeOutcome.Truncated or AirtimeOutcome.Preempted or AirtimeOutcome.Interrupted or AirtimeOutcome.Failed => 30,
                _ => 0,
            };
            Assert.True(_seed.Record(occ, p, outcomes[p], seconds));
        }
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeSummaryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeSummaryTests(DatabaseProvider.Postgres);
}
