using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Emergency;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Rules;

/// <summary>
/// The engine's rules on a fake clock: on time, late within grace, missed beyond it or after the session, truncated
/// at the session's end, preempted by a stop, skipped when expired or outside the policy (emergencies exempt),
/// interrupted by a crash and resumed — each asserting the exact outcome and instants.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class EngineRulesOnFakeClockTests(FakeClockAppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);
    private DateTimeOffset Now => app.Clock.GetUtcNow();
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task An_occurrence_starts_on_its_instant_and_plays_its_rundown_gaplessly()
    {
        var first = await _scenario.ApprovedToneAsync(1.0);
        var second = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(30);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), first, second);

        await ArmAndJumpAsync(occ, start);
        await OnAirAsync(occ.ZoneId);
        var records = await AirAsync(occ, 2);

        Assert.All(records, r => Assert.Equal(AirtimeOutcome.Completed, r.Outcome));
        Assert.Equal(start, records[0].ActualStart);
        Assert.Equal(start.AddSeconds(1), records[0].ActualEnd);
        Assert.Equal(records[0].ActualEnd, records[1].ActualStart);
        Assert.Equal(start.AddSeconds(1.5), records[1].ActualEnd);
        Assert.Equal([1.0, 0.5], records.Select(r => Math.Round(r.PlayedSeconds, 3)));
    }

    [Fact]
    public async Task Within_the_grace_span_an_occurrence_airs_at_once_and_is_recorded_late_by_the_exact_delay()
    {
        var bulletin = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(-60);
        var occ = _scenario.Occurrence(start, start.AddMinutes(30), bulletin);
        var armedAt = Now;

        _scenario.Engine.Arm(occ.Id);
        await OnAirAsync(occ.ZoneId);
        var record = Assert.Single(await AirAsync(occ, 1));

        Assert.Equal(AirtimeOutcome.Late, record.Outcome);
        Assert.Equal(armedAt, record.ActualStart);
        Assert.Equal(TimeSpan.FromSeconds(60), record.ActualStart!.Value - record.ScheduledStart);
        Assert.Equal("started 60.0 s late", record.Error);
    }

    [Theory]
    [InlineData(121, 1800, "more than 120 s late")]
    [InlineData(100, 90, "the session had already ended")]
    public async Task Beyond_the_grace_span_or_after_the_session_every_item_is_missed_and_nothing_airs(int startedSecondsAgo, int lengthSeconds, string reason)
    {
        var first = await _scenario.ApprovedToneAsync(0.5);
        var second = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(-startedSecondsAgo);
        var occ = _scenario.Occurrence(start, start.AddSeconds(lengthSeconds), first, second);

        _scenario.Engine.Arm(occ.Id);
        var records = await AirAsync(occ, 2);

        Assert.All(records, r => Assert.Equal(AirtimeOutcome.Missed, r.Outcome));
        Assert.All(records, r => Assert.Null(r.ActualStart));
        Assert.All(records, r => Assert.Equal("not aired: " + reason, r.Error));
        Assert.Equal(OccurrenceState.Missed, Get<OccurrenceRepository>().Find(occ.Id)!.State);
        _scenario.Engine.Arm(occ.Id);
        await app.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _scenario.Airtime(occ).Count);
    }

    [Fact]
    public async Task At_the_sessions_end_the_item_on_air_is_truncated_and_the_rest_skipped()
    {
        var longOne = await _scenario.ApprovedToneAsync(3.0);
        var next = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(10);
        var occ = _scenario.Occurrence(start, start.AddSeconds(1.5), longOne, next);

        await ArmAndJumpAsync(occ, start);
        await OnAirAsync(occ.ZoneId);
        var records = await AirAsync(occ, 2);

        Assert.Equal(AirtimeOutcome.Truncated, records[0].Outcome);
        Assert.Equal(1.5, records[0].PlayedSeconds, 3);
        Assert.Equal(occ.EndUtc, records[0].ActualEnd);
        Assert.Equal(AirtimeOutcome.Skipped, records[1].Outcome);
        Assert.Equal(0, records[1].PlayedSeconds);
    }

    [Fact]
    public async Task An_operator_stop_fades_out_within_half_a_second_and_the_item_is_recorded_preempted()
    {
        var bulletin = await _scenario.ApprovedToneAsync(5.0);
        var start = Now.AddSeconds(10);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), bulletin);

        await ArmAndJumpAsync(occ, start);
        await OnAirAsync(occ.ZoneId);
        await app.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.True(_scenario.Engine.StopZone(occ.ZoneId));
        var record = Assert.Single(await AirAsync(occ, 1));

        Assert.Equal(AirtimeOutcome.Preempted, record.Outcome);
        Assert.InRange(record.PlayedSeconds, 0.9, 1.5);
        Assert.Equal(record.PlayedSeconds, (record.ActualEnd!.Value - record.ActualStart!.Value).TotalSeconds, 3);
        Assert.Contains("stopped by an operator", record.Error);
    }

    [Fact]
    public async Task An_item_expired_by_play_time_is_skipped_and_the_next_takes_its_place_on_the_instant()
    {
        var today = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var expiring = await _scenario.ApprovedToneAsync(1.0, validUntil: today);
        var evergreen = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddDays(1);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), expiring, evergreen);

        await ArmAndJumpAsync(occ, start);
        await OnAirAsync(occ.ZoneId);
        var records = await AirAsync(occ, 2);

        Assert.Equal(AirtimeOutcome.Skipped, records[0].Outcome);
        Assert.Equal(AirtimeOutcome.Completed, records[1].Outcome);
        Assert.Equal(start, records[1].ActualStart);
    }

    [Fact]
    public async Task Outside_the_units_allowed_hours_the_engine_refuses_but_an_emergency_still_airs()
    {
        var places = Get<PlacesRepository>();
        var unit = places.CreateUnit("Trung tâm " + Guid.NewGuid().ToString("N")[..6], null);
        Get<PolicyRepository>().Set(unit.Id, BroadcastPolicy.Default with { AllowedFrom = new TimeOnly(22, 0), AllowedTo = new TimeOnly(23, 0) });
        var commune = places.CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], unit.Id);
        var bulletin = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(10);
        var occ = _scenario.OccurrenceInCommune(commune.Id, start, start.AddMinutes(5), bulletin);

        await ArmAndJumpAsync(occ, start);
        var refused = Assert.Single(await AirAsync(occ, 1));
        Assert.Equal(AirtimeOutcome.Skipped, refused.Outcome);
        Assert.Null(refused.ActualStart);
        Assert.Contains("outside the allowed broadcast hours 22:00–23:00", refused.Error);

        Occurrence emergency;
        using (var scope = app.Services.CreateScope())
            emergency = Assert.Single(scope.ServiceProvider.GetRequiredService<EmergencyService>().Start([commune.Id], bulletin.Id));
        await OnAirAsync(emergency.ZoneId);
        var aired = Assert.Single(await AirAsync(emergency, 1));
        Assert.Equal(AirtimeOutcome.Completed, aired.Outcome);
        Assert.Equal(emergency.StartUtc, aired.ActualStart);
    }

    [Fact]
    public async Task After_a_crash_the_item_on_air_is_interrupted_at_the_last_heartbeat_and_the_rest_resumes_late_once()
    {
        var first = await _scenario.ApprovedToneAsync(1.0);
        var second = await _scenario.ApprovedToneAsync(0.5);
        var start = Now.AddSeconds(-2);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), first, second);
        Get<OccurrenceRepository>().TryTransition(occ.Id, OccurrenceState.Claimed, start);
        Get<OccurrenceProgressRepository>().Beat(occ.Id, 0, start, start.AddSeconds(0.75));
        var recoveredAt = Now;

        Assert.Equal(1, _scenario.Engine.Recover());
        Assert.Equal(0, _scenario.Engine.Recover());
        await _scenario.WaitUntilPlayingAsync(occ.ZoneId, TimeSpan.FromSeconds(20));
        app.JumpTo(recoveredAt.AddSeconds(1));
        await OnAirAsync(occ.ZoneId);
        var records = await AirAsync(occ, 2);

        Assert.Equal(AirtimeOutcome.Interrupted, records[0].Outcome);
        Assert.Equal(start, records[0].ActualStart);
        Assert.Equal(0.75, records[0].PlayedSeconds, 3);
        Assert.Equal(AirtimeOutcome.Late, records[1].Outcome);
        Assert.Equal(recoveredAt.AddSeconds(1), records[1].ActualStart);
        Assert.Equal(0.5, records[1].PlayedSeconds, 3);
        Assert.Equal(0, _scenario.Engine.Recover());
        Assert.Equal(2, _scenario.Airtime(occ).Count);
    }

    /// <summary>
    /// Arms the occurrence, gives the engine a moment (real time) to start waiting for it on the fake clock, then jumps
    /// the clock to <paramref name="instant"/>. Jumping at once could land between the engine reading the clock and
    /// registering its wait, which would then wait for a time the frozen clock never reaches.
    /// </summary>
    private async Task ArmAndJumpAsync(Occurrence occ, DateTimeOffset instant)
    {
        _scenario.Engine.Arm(occ.Id);
        await Task.Delay(100);
        app.JumpTo(instant);
    }

    private Task OnAirAsync(long zoneId) => _scenario.WaitUntilOnAirAsync(zoneId);

    /// <summary>Lets fake time run until the occurrence has <paramref name="count"/> airtime records (at most a minute of it).</summary>
    private async Task<IReadOnlyList<AirtimeRecord>> AirAsync(Occurrence occ, int count)
    {
        for (var step = 0; step < 3000; step++)
        {
            var records = _scenario.Airtime(occ);
            if (records.Count >= count) return records.OrderBy(r => r.Position).ToList();
            await app.RunForAsync(TimeSpan.FromMilliseconds(20));
        }
        throw new TimeoutException($"expected {count} airtime records for occurrence {occ.Id}, found {_scenario.Airtime(occ).Count}");
    }
}
