using System.Globalization;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Reads the booking edit page, and turns its form into the <see cref="BookingRequest"/> that <see cref="BookingEdits"/> takes.</summary>
public sealed class BookingEditPages(PlacesService places, BulletinRepository bulletins, BulletinService library, UserScope scope, StationClock clock)
{
    /// <summary>The page of booking <paramref name="id"/> (404 <c>booking_not_found</c>), showing <paramref name="posted"/> when given.</summary>
    public BookingEditPage Build(long id, BookingEditForm? posted)
    {
        var booking = scope.EnsureBooking(id);
        var session = places.FindSession(booking.SessionId);
        var commune = places.FindCommune(session.CommuneId);
        var cutover = BookingEdit.Cutover(session, clock);
        var last = booking.CancelledFrom is { } c && c.AddDays(-1) < booking.To ? c.AddDays(-1) : booking.To;
        var own = bulletins.FindMany(booking.BulletinIds);
        var today = clock.Today;
        var approved = library.Bookable(today);
        return new BookingEditPage
        {
            Booking = booking, Session = session, CommuneId = commune.Id, CommuneName = commune.Name, Cutover = cutover, LastDate = last,
            Titles = booking.BulletinIds.Select(i => own.TryGetValue(i, out var b) ? b.Title : $"#{i}").ToList(),
            Choices = approved.Concat(own.Values.Where(b => approved.All(a => a.Id != b.Id))).ToList(),
            Form = posted ?? BookingEditForm.Of(booking, cutover, last),
        };
    }

    /// <summary>The edit as asked for: every field of the form is sent (the page always shows them all).</summary>
    public static BookingRequest Request(BookingEditForm form)
    {
        var ids = new List<long>();
        foreach (var text in form.BulletinIds.Where(t => !string.IsNullOrWhiteSpace(t)))
            ids.Add(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin", text)));
        var weekly = string.Equals(form.Mode?.Trim(), "weekly", StringComparison.OrdinalIgnoreCase);
        return new BookingRequest(0, ids, form.From?.Trim(), form.To?.Trim(), form.Mode?.Trim(),
            weekly ? form.Weekdays.Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0).ToList() : null,
            form.Priority?.Trim(), Number(form.Repeat), Number(form.RepeatIntervalSeconds), form.OnOverflow);
    }

    /// <summary>Empty keeps the stored value; text that is no number is refused by the booking rules as out of range.</summary>
    private static int? Number(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
