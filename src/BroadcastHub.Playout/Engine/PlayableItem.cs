using BroadcastHub.Core.Library;

namespace BroadcastHub.Playout;

/// <summary>A rundown item that passed the checks before air: approved, valid today, its file present.</summary>
public sealed record PlayableItem(int Position, Bulletin Bulletin, string MediaPath, DateTimeOffset ScheduledStart, double? NotBeforeSeconds = null);

/// <summary>A rundown item with its planned start and length.</summary>
public sealed record PlannedItem(Core.Scheduling.RundownItem Item, DateTimeOffset Start, double Seconds);
