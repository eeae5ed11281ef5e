using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>What a cancellation stops: the commune, the session, the bulletins, from which date.</summary>
/// <param name="Booking">The booking.</param>
/// <param name="CommuneId">Its commune.</param>
/// <param name="Commune">Its commune's name.</param>
/// <param name="Session">Its session.</param>
/// <param name="Titles">Its bulletins in airing order.</param>
/// <param name="From">The first date that stops airing (null: nothing is left to cancel).</param>
/// <param name="LastDate">Its last date in force.</param>
/// <param name="Whole">True when the whole booking stops (nothing of it has aired or will air).</param>
/// <param name="ReturnUrl">Where to go back to.</param>
public sealed record BookingCancelPage(Booking Booking, long CommuneId, string Commune, SessionSlot Session, IReadOnlyList<string> Titles,
    DateOnly? From, DateOnly LastDate, bool Whole, string ReturnUrl);

/// <summary>What the cancel confirmation posts.</summary>
public sealed class BookingCancelForm
{
    public string? From { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>The small form that starts a cancellation (whole, or from a date) and leads to its confirmation.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Cutover">The first date a cancellation can still touch.</param>
/// <param name="CancelledFrom">Where it is already cancelled from, if it is.</param>
/// <param name="ReturnUrl">Where to come back to after the cancellation.</param>
public sealed record BookingCancelStart(long BookingId, DateOnly Cutover, DateOnly? CancelledFrom, string? ReturnUrl);
