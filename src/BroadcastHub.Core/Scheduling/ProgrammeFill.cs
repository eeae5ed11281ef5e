namespace BroadcastHub.Core.Scheduling;

/// <summary>
/// Frames and tops up one commune's booked rundowns with its <see cref="CommuneProgramme"/>, deterministically:
/// <list type="number">
/// <item>the intro jingle first; the booked items (and their repeats' "not before" offsets) move back by its length;</item>
/// <item>the booked items as laid out by <see cref="RundownLayout"/>;</item>
/// <item>in <see cref="UnderfillMode.Evergreen"/> mode, the evergreen playlist's items in order, cycling: each is added only
/// if it ends by the time the outro must start (session length − outro length); one that does not fit is skipped and the
/// next one tried, until a whole pass adds nothing;</item>
/// <item>the outro jingle last, when it fits before the session's end (otherwise it is left out).</item>
/// </list>
/// Jingles and evergreen items not airable on the date (not approved, outside their validity) or without a length are left
/// out. Booked content that overflows stays as it is (the fill never adds to an overflow: the intro is always placed, the
/// outro only when it ends by the session's end).
/// </summary>
/// <param name="programme">The commune's programme.</param>
/// <param name="durations">Length in seconds of the programme's bulletins.</param>
/// <param name="airableOn">Whether a bulletin may air on a local date.</param>
public sealed class ProgrammeFill(CommuneProgramme programme, IReadOnlyDictionary<long, double> durations, Func<long, DateOnly, bool> airableOn)
{
    /// <summary>Most evergreen items added to one session (a guard against tiny items in a long session).</summary>
    public const int MaxEvergreenItems = 2000;

    /// <summary>No programme: booked rundowns stay as they are.</summary>
    public static ProgrammeFill None { get; } = new(CommuneProgramme.Plain, new Dictionary<long, double>(), (_, _) => false);

    /// <summary>The commune's programme this fill applies.</summary>
    public CommuneProgramme Programme => programme;

    /// <summary>The full rundown of a session of <paramref name="sessionSeconds"/> on <paramref name="date"/> around <paramref name="booked"/>.</summary>
    public IReadOnlyList<PlannedSlot> Apply(IReadOnlyList<PlannedSlot> booked, DateOnly date, double sessionSeconds)
    {
        if (ReferenceEquals(programme, CommuneProgramme.Plain)) return booked;
        var intro = Usable(programme.IntroBulletinId, date);
        var outro = Usable(programme.OutroBulletinId, date);
        var slots = new List<PlannedSlot>();
        var shift = 0.0;
        if (intro is { } i)
        {
            slots.Add(Slot(i.Id, 0, i.Seconds, RundownFill.Intro));
            shift = i.Seconds;
        }
        // A relay until the session's end keeps ending there: it gives the intro's length back.
        slots.AddRange(booked.Select(s => s with
        {
            OffsetSeconds = s.OffsetSeconds + shift, NotBeforeSeconds = s.NotBeforeSeconds + shift,
            DurationSeconds = s.Relay is { Seconds: null } ? Math.Max(0, s.DurationSeconds - shift) : s.DurationSeconds,
        }));
        var cursor = slots.Count == 0 ? 0 : slots.Max(s => s.EndSeconds);
        if (programme.Underfill == UnderfillMode.Evergreen)
            cursor = TopUp(slots, cursor, sessionSeconds - (outro?.Seconds ?? 0), date);
        // An outro that would run past the session's end is left out: it would only be cut, and it must never count as
        // overflow against the bookings (nor make "replace" displace one).
        if (outro is { } o && cursor + o.Seconds <= sessionSeconds) slots.Add(Slot(o.Id, cursor, o.Seconds, RundownFill.Outro));
        return slots;
    }

    private double TopUp(List<PlannedSlot> slots, double cursor, double limit, DateOnly date)
    {
        var pool = programme.EvergreenBulletinIds.Select(id => Usable(id, date)).OfType<(long Id, double Seconds)>().ToList();
        var added = 0;
        var progress = true;
        while (progress && pool.Count > 0)
        {
            progress = false;
            foreach (var (id, seconds) in pool)
            {
                if (cursor + seconds > limit + 1e-6 || added >= MaxEvergreenItems) continue;
                slots.Add(Slot(id, cursor, seconds, RundownFill.Evergreen));
                cursor += seconds;
                added++;
                progress = true;
            }
        }
        return cursor;
    }

    private (long Id, double Seconds)? Usable(long? bulletinId, DateOnly date) =>
        bulletinId is { } id && durations.TryGetValue(id, out var seconds) && seconds > 0 && airableOn(id, date) ? (id, seconds) : null;

    private static PlannedSlot Slot(long bulletinId, double offset, double seconds, RundownFill fill) =>
        new(bulletinId, null, offset, seconds, null) { Fill = fill };
}
