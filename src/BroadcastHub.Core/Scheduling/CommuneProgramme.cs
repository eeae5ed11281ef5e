namespace BroadcastHub.Core.Scheduling;

/// <summary>What a commune does with the part of a session its bookings leave empty.</summary>
public enum UnderfillMode
{
    /// <summary>The session simply ends after its last item (the default).</summary>
    EndEarly,
    /// <summary>The rest is topped up from the commune's evergreen playlist.</summary>
    Evergreen,
}

/// <summary>
/// A commune's programme around its bookings: what fills an under-filled session, and optional intro and outro jingles
/// placed first and last in every session rundown.
/// </summary>
/// <param name="Underfill">End early, or top up from <paramref name="EvergreenBulletinIds"/>.</param>
/// <param name="EvergreenBulletinIds">The evergreen playlist's bulletins, in order (empty when none is set).</param>
/// <param name="IntroBulletinId">Jingle played first in every session, if any.</param>
/// <param name="OutroBulletinId">Jingle played last in every session, if any.</param>
public sealed record CommuneProgramme(UnderfillMode Underfill, IReadOnlyList<long> EvergreenBulletinIds, long? IntroBulletinId, long? OutroBulletinId)
{
    /// <summary>No jingles, sessions end early.</summary>
    public static CommuneProgramme Plain { get; } = new(UnderfillMode.EndEarly, [], null, null);

    /// <summary>Every bulletin the programme may add (to look up lengths and validity).</summary>
    public IEnumerable<long> BulletinIds =>
        EvergreenBulletinIds.Concat(new[] { IntroBulletinId, OutroBulletinId }.OfType<long>());
}
