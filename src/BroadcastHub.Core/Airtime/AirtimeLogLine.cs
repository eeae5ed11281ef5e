namespace BroadcastHub.Core.Airtime;

/// <summary>An airtime record with the names a report shows beside it.</summary>
/// <param name="Record">The record.</param>
/// <param name="CommuneName">Name of the commune it aired in.</param>
/// <param name="BulletinTitle">Title of the bulletin.</param>
public sealed record AirtimeLogLine(AirtimeRecord Record, string CommuneName, string BulletinTitle);
