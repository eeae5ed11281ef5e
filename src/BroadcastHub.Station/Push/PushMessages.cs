namespace BroadcastHub.Station.Push;

/// <summary>The body of <c>changed</c>: the hub's current manifest version for this agent's window.</summary>
public sealed record ChangedMessage(string Version);

/// <summary>The body of <c>stop</c>.</summary>
public sealed record StopMessage(long ZoneId);

/// <summary>The body of <c>revoked</c>.</summary>
public sealed record RevokedMessage(string Error, string Message);
