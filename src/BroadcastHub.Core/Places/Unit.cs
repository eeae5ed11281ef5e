namespace BroadcastHub.Core.Places;

/// <summary>A node of the organisation tree (province, centre, ward cluster...); depth is not fixed.</summary>
public sealed record Unit(long Id, string Name, long? ParentUnitId);
