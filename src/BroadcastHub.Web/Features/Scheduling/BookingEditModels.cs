using System.Globalization;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The booking edit form: bulletins in order, dates, repetition and priority, the overflow choice.</summary>
public sealed class BookingEditForm
{
    public List<string?> BulletinIds { get; set; } = [];
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary><c>once</c>, <c>daily</c> or <c>weekly</c>.</summary>
    public string? Mode { get; set; }
    public List<string> Weekdays { get; set; } = [];
    /// <summary><c>normal</c> or <c>priority</c>.</summary>
    public string? Priority { get; set; }
    public string? Repeat { get; set; }
    public string? RepeatIntervalSeconds { get; set; }
    /// <summary><c>append</c> (default), <c>replace</c> or <c>cancel</c>.</summary>
    public string? OnOverflow { get; set; }

    public string? BulletinAt(int index) => index < BulletinIds.Count ? BulletinIds[index] : null;

    /// <summary>The form filled with <paramref name="booking"/>, its first date moved up to <paramref name="firstEditable"/>.</summary>
    public static BookingEditForm Of(Booking booking, DateOnly firstEditable, DateOnly lastDate) => new()
    {
        BulletinIds = booking.BulletinIds.Select(i => (string?)i.ToString(CultureInfo.InvariantCulture)).ToList(),
        From = Ui.Date(booking.From < firstEditable ? firstEditable : booking.From),
        To = Ui.Date(lastDate),
        Mode = booking.Mode.ToString().ToLowerInvariant(),
        Weekdays = booking.Weekdays.ToIso().Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList(),
        Priority = booking.Priority.ToString().ToLowerInvariant(),
        Repeat = booking.Repeat.ToString(CultureInfo.InvariantCulture),
        RepeatIntervalSeconds = booking.RepeatIntervalSeconds.ToString(CultureInfo.InvariantCulture),
        OnOverflow = "append",
    };
}

/// <summary>Sửa lịch đã đặt: the booking as stored, from when an edit applies, and the form.</summary>
public sealed class BookingEditPage
{
    public required Booking Booking { get; init; }
    public required SessionSlot Session { get; init; }
    public required long CommuneId { get; init; }
    public required string CommuneName { get; init; }
    /// <summary>First date an edit changes (today, or tomorrow once today's occurrence has started).</summary>
    public required DateOnly Cutover { get; init; }
    /// <summary>The booking's last date in force (the day before a cancellation, else its end).</summary>
    public required DateOnly LastDate { get; init; }
    public required IReadOnlyList<string> Titles { get; init; }
    /// <summary>Bulletins to choose from: approved and still valid, plus those the booking already plays.</summary>
    public required IReadOnlyList<Bulletin> Choices { get; init; }
    public required BookingEditForm Form { get; init; }

    /// <summary>False when nothing is left from the cutover on (it aired or was cancelled).</summary>
    public bool Editable => LastDate >= Cutover;

    /// <summary>As many bulletin selects as the form needs, at least five.</summary>
    public int Slots => Math.Max(BookingForm.Slots, Form.BulletinIds.Count + 1);
}
