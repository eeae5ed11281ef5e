using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Data.Repositories;

/// <summary>One rundown row as the plan writer stores and compares it (a relay has a NULL bulletin).</summary>
internal sealed record PlanItem(long? BulletinId, long? BookingId, double? NotBefore, string? Fill, long? RelaySourceId, double? RelaySeconds)
{
    public static PlanItem Of(PlannedSlot slot) => slot.Relay is { } relay
        ? new(null, slot.BookingId, slot.NotBeforeSeconds, slot.Fill?.ToString(), relay.SourceId, relay.Seconds)
        : new(slot.BulletinId, slot.BookingId, slot.NotBeforeSeconds, slot.Fill?.ToString(), null, null);
}
