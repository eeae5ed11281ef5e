using System.Globalization;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.BroadcastPolicies;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Validated creation of units, communes and sessions, within the user's scope.</summary>
public sealed class PlacesService(
    PlacesRepository places, SessionRepository sessions, PolicyRepository policies, PolicyGuard guard, Policies inForce, UserScope scope,
    StationClock clock)
{
    public Unit CreateUnit(string? name, long? parentUnitId)
    {
        var clean = RequireName(name);
        RequireParent(parentUnitId);
        var unit = places.CreateUnit(clean, parentUnitId);
        scope.Refresh();
        return unit;
    }

    public Commune CreateCommune(string? name, long? parentUnitId)
    {
        var clean = RequireName(name);
        RequireParent(parentUnitId);
        var commune = places.CreateCommune(clean, parentUnitId);
        scope.Refresh();
        return commune;
    }

    /// <summary>A commune of the user's scope, or 404 <c>commune_not_found</c>.</summary>
    public Commune FindCommune(long id) => scope.EnsureCommune(id);

    public SessionSlot CreateSession(long communeId, IReadOnlyList<int>? weekdays, string? start, int lengthMinutes)
    {
        var session = PrepareSession(communeId, weekdays, start, lengthMinutes);
        return sessions.Create(session.CommuneId, session.Weekdays, session.Start, session.LengthMinutes);
    }

    /// <summary>Validates a new session (input, overlap with the commune's sessions, policy) without storing it.</summary>
    public SessionSlot PrepareSession(long communeId, IReadOnlyList<int>? weekdays, string? start, int lengthMinutes)
    {
        FindCommune(communeId);
        IsoWeekdays days;
        try
        {
            days = IsoWeekdays.FromIso(weekdays ?? []);
        }
        catch (ArgumentException)
        {
            throw new AppException("invalid_weekdays", Msg.Get("WeekdaysMustBeISONumbers1"));
        }
        return Checked(new SessionSlot(0, communeId, days, ParseStart(start), ParseLength(lengthMinutes)));
    }

    /// <summary>Creates a one-off session on a single local date (today or later), checked like a weekly one.</summary>
    public SessionSlot CreateOneOffSession(long communeId, string? date, string? start, int lengthMinutes)
    {
        FindCommune(communeId);
        var day = LocalDateInput.Optional(date, "date")
            ?? throw new AppException("invalid_date", Msg.Get("DateYyyyMMDdIsRequired"));
        if (day < clock.Today)
            throw new AppException("date_in_past", Msg.Get("AOneOffSessionCannotBe"));
        var session = Checked(SessionSlot.OneOff(0, communeId, day, ParseStart(start), ParseLength(lengthMinutes)));
        return sessions.CreateOneOff(communeId, day, session.Start, session.LengthMinutes);
    }

    /// <summary>Refuses a session that overlaps one of the commune's (one-offs already past aside) or breaks the policy.</summary>
    private SessionSlot Checked(SessionSlot session)
    {
        var today = clock.Today;
        if (sessions.List(session.CommuneId).Where(s => s.OnlyOn is null || s.OnlyOn >= today).FirstOrDefault(other => other.Overlaps(session)) is { } clash)
            throw new AppException("session_overlap", Msg.Get("OverlapsTheCommuneSessionAtMin", clash.Start, clash.LengthMinutes));
        guard.EnsureSessionAllowed(session);
        return session;
    }

    private static TimeOnly ParseStart(string? start)
    {
        if (!TimeOnly.TryParseExact(start, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var startTime))
            throw new AppException("invalid_start", Msg.Get("StartMustBeHHMmSs"));
        return startTime;
    }

    private static int ParseLength(int lengthMinutes) => lengthMinutes is >= 1 and <= 1440 ? lengthMinutes
        : throw new AppException("invalid_length", Msg.Get("LengthMinutesMustBeBetween1And"));

    /// <summary>A session of the user's scope, or 404 <c>session_not_found</c>.</summary>
    public SessionSlot FindSession(long id) => scope.EnsureSession(id);

    /// <summary>Sets a unit's broadcast policy (inherited by every commune below it without a nearer one).</summary>
    public BroadcastPolicy SetPolicy(long unitId, string? allowedFrom, string? allowedTo, IReadOnlyList<int>? weekdays, int? maxSessionMinutes, int? maxSessionsPerDay)
    {
        scope.EnsureUnit(unitId);
        var formats = new[] { "HH:mm", "HH:mm:ss" };
        if (!TimeOnly.TryParseExact(allowedFrom, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(allowedTo == "24:00" ? "00:00" : allowedTo, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || (to <= from && to != TimeOnly.MinValue))
            throw new AppException("invalid_allowed_hours", Msg.Get("AllowedFromAndAllowedToMustBeHH"));
        var above = policies.AboveUnit(unitId);
        IsoWeekdays days;
        try { days = weekdays is null ? above?.Weekdays ?? IsoWeekdays.Every : IsoWeekdays.FromIso(weekdays); }
        catch (ArgumentException)
        {
            throw new AppException("invalid_weekdays", Msg.Get("WeekdaysMustBeISONumbers12"));
        }
        var maxMinutes = maxSessionMinutes ?? above?.MaxSessionMinutes ?? inForce.Default.MaxSessionMinutes;
        var maxSessions = maxSessionsPerDay ?? above?.MaxSessionsPerDay ?? inForce.Default.MaxSessionsPerDay;
        if (maxMinutes is < 1 or > 1440 || maxSessions is < 1 or > 48)
            throw new AppException("invalid_limits", Msg.Get("MaxSessionMinutesMustBe11440And"));
        var policy = new BroadcastPolicy(from, to, days, maxMinutes, maxSessions);
        guard.EnsureWithinParent(unitId, policy);
        policies.Set(unitId, policy);
        return policy;
    }

    /// <summary>A parent unit in the user's scope; another unit's is refused like one that does not exist.</summary>
    private void RequireParent(long? id)
    {
        if (id is null)
        {
            if (!scope.IsWhole) throw ScopeRefusals.UnitOutOfScope();
            return;
        }
        if (places.FindUnit(id.Value) is null || !scope.CoversUnit(id))
            throw new AppException("unit_not_found", Msg.Get("ThereIsNoUnit", id));
    }

    private static string RequireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new AppException("name_required", Msg.Get("ANameIsRequired"));
        if (name.Trim().Length > 200)
            throw new AppException("name_too_long", Msg.Get("TheNameIsLongerThan200"));
        return name.Trim();
    }
}
