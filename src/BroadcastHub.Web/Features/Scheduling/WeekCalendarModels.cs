namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The week calendar page: the calendar, what was asked, and the communes and units to pick from.</summary>
public sealed record WeekCalendarPage(
    WeekCalendarView Calendar, long? CommuneId, long? UnitId, DateOnly Date, DateOnly Today,
    IReadOnlyList<BroadcastHub.Core.Places.Commune> Communes, IReadOnlyList<BroadcastHub.Core.Places.Unit> Units);
