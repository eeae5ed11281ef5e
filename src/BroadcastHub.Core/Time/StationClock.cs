namespace BroadcastHub.Core.Time;

/// <summary>
/// Converts between UTC instants and the station's local calendar. Session rules are evaluated in local time;
/// everything stored is UTC.
/// </summary>
public sealed class StationClock(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The default zone of Vietnamese stations.</summary>
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The station's time zone.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The clock everything reads.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Now, UTC.</summary>
    public DateTimeOffset UtcNow => Time.GetUtcNow();

    /// <summary>Today's local date at the station.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow).DateTime);

    /// <summary>The local wall-clock time of an instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instant of a local date and time. A skipped local time (DST gap) moves forward.</summary>
    public DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Finds a zone by IANA id, with a clear error for unknown ids.</summary>
    public static TimeZoneInfo FindZone(string? id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZoneId : id, out var zone)
            ? zone
            : throw new ArgumentException($"Unknown time zone '{id}'. Use an IANA id such as {DefaultTimeZoneId}.");
}
