using System.Globalization;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>Reads a station-local date typed as <c>yyyy-MM-dd</c>, refusing anything else with <c>invalid_date</c>.</summary>
public static class LocalDateInput
{
    public static DateOnly Required(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new AppException("invalid_date", Msg.Get("MustBeYyyyMMDd", field));

    /// <summary>Null for an empty field, else as <see cref="Required"/>.</summary>
    public static DateOnly? Optional(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null : Required(text, field);
}
