using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>
/// The API's language from <c>Accept-Language</c>: any Vietnamese tag (<c>vi</c>, <c>vi-VN</c>) gives Vietnamese, any
/// English one (<c>en</c>, <c>en-US</c>, <c>en-GB</c>) English, in the order of the header's quality values; pages
/// ignore the header and follow the language cookie.
/// </summary>
public static class ApiLanguage
{
    /// <summary>The request culture of an API request, or null to leave it to the next provider (Vietnamese by default).</summary>
    public static Task<ProviderCultureResult?> DetermineAsync(HttpContext context) =>
        Task.FromResult(AuthSetup.IsApi(context.Request) && CultureOf(context.Request.Headers.AcceptLanguage.ToString()) is { } culture
            ? new ProviderCultureResult(culture)
            : null);

    /// <summary>vi-VN or en-US for the first Vietnamese or English tag of an <c>Accept-Language</c> value; null for none.</summary>
    public static string? CultureOf(string acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var values)) return null;
        foreach (var value in values.Where(v => v.Quality is null or > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var language = value.Value.Value?.Split('-')[0];
            if (string.Equals(language, "vi", StringComparison.OrdinalIgnoreCase)) return "vi-VN";
            if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase)) return "en-US";
        }
        return null;
    }
}
