namespace BroadcastHub.Core.Scheduling;

/// <summary>Bulletins booked, in order, into a session for an inclusive range of local dates.</summary>
public sealed record Booking(long Id, long SessionId, IReadOnlyList<long> BulletinIds, DateOnly From, DateOnly To)
{
    /// <summary>True when the booking covers <paramref name="localDate"/>.</summary>
    public bool Covers(DateOnly localDate) => localDate >= From && localDate <= To;
}
