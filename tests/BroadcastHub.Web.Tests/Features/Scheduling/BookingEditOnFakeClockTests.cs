using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>Editing a booking after today's occurrence aired, on the fake clock: today stays exactly as it aired.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class BookingEditOnFakeClockTests(FakeClockAppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task An_edit_after_todays_session_aired_keeps_today_as_it_aired_and_changes_tomorrow_on()
    {
        var (before, after) = (await _scenario.ApprovedToneAsync(0.5), await _scenario.ApprovedToneAsync(0.5));
        using var scope = app.Services.CreateScope();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var clock = Get<StationClock>();
        var today = clock.Today;
        var places = Get<PlacesService>();
        var commune = places.CreateCommune("Xã sửa sau khi phát", null);
        var start = clock.ToLocal(clock.UtcNow).AddSeconds(30).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var session = places.CreateSession(commune.Id, [1, 2, 3, 4, 5, 6, 7], start, 1);
        var booked = Get<BookingService>().Book(session.Id, [before.Id], Date(today), Date(today.AddDays(1)), "test");
        var todays = booked.Occurrences.Single(o => o.LocalDate == today);

        _scenario.Engine.Arm(todays.Id);
        await Task.Delay(100); // the engine starts waiting on the fake clock before it jumps
        app.JumpTo(todays.StartUtc);
        await _scenario.WaitUntilOnAirAsync(commune.ZoneId);
        var aired = await AirAsync(todays);
        Assert.Equal((before.Id, AirtimeOutcome.Completed, todays.StartUtc), (aired.BulletinId, aired.Outcome, aired.ActualStart));

        var edited = await Get<BookingEdits>().EditAsync(booked.Booking.Id, new BookingRequest(0, [after.Id], null, null), "test", CancellationToken.None);

        Assert.Equal((booked.Booking.Id, today.AddDays(1), today.AddDays(1)), (edited.PreviousId, edited.Booking.From, edited.Booking.To));
        var occurrences = Get<OccurrenceRepository>();
        Assert.Equal(OccurrenceState.Claimed, occurrences.Find(todays.Id)!.State);
        Assert.Equal([before.Id], occurrences.Rundown(todays.Id).Select(i => i.BulletinId));
        Assert.Equal([aired], _scenario.Airtime(todays));
        var tomorrow = occurrences.FindBySession(session.Id, today.AddDays(1))!;
        Assert.Equal(OccurrenceState.Planned, tomorrow.State);
        Assert.Equal([after.Id], occurrences.Rundown(tomorrow.Id).Select(i => i.BulletinId));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<AirtimeRecord> AirAsync(Occurrence occ)
    {
        for (var step = 0; step < 3000; step++)
        {
            if (_scenario.Airtime(occ) is [var record]) return record;
            await app.RunForAsync(TimeSpan.FromMilliseconds(20));
        }
        throw new TimeoutException($"occurrence {occ.Id} never aired");
    }
}
