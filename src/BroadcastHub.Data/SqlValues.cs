using System.Globalization;

namespace BroadcastHub.Data;

/// <summary>
/// The text forms stored in SQLite. Instants are UTC with a fixed width so that text order is time order.
/// </summary>
public static class SqlValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>UTC instant to text.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Nullable instant to text.</summary>
    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Text to UTC instant.</summary>
    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Nullable text to instant.</summary>
    public static DateTimeOffset? ParseInstantOrNull(string? text) => text is null ? null : ParseInstant(text);

    /// <summary>Local date to text.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Nullable local date to text.</summary>
    public static string? Date(DateOnly? value) => value is { } v ? Date(v) : null;

    /// <summary>Text to local date.</summary>
    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Nullable text to local date.</summary>
    public static DateOnly? ParseDateOrNull(string? text) => text is null ? null : ParseDate(text);

    /// <summary>Local time of day to text.</summary>
    public static string Time(TimeOnly value) => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Text to local time of day.</summary>
    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture);
}
