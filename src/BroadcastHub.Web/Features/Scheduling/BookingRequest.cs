namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>A booking as asked for (API or page), before validation. Dates are local <c>yyyy-MM-dd</c>.</summary>
public sealed record BookingRequest(
    long SessionId, IReadOnlyList<long>? BulletinIds, string? From, string? To,
    string? Mode = null, IReadOnlyList<int>? Weekdays = null, string? Priority = null,
    int? Repeat = null, int? RepeatIntervalSeconds = null, string? OnOverflow = null, RelayRequest? Relay = null);

/// <summary>A relay asked for instead of bulletins: a source, for <c>minutes</c> or until the session's end.</summary>
public sealed record RelayRequest(long SourceId, int? Minutes = null, bool? UntilSessionEnd = null);
