using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>
/// Reads the <see cref="Messages"/> catalog in the current UI culture from anywhere (services, views, static helpers)
/// through the same localizer that <c>IStringLocalizer&lt;Messages&gt;</c> resolves to. Read-only: the localizer holds
/// nothing but the embedded resources.
/// </summary>
public static class Msg
{
    private static readonly IStringLocalizer Catalog = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Messages));

    /// <summary>
    /// The text of <paramref name="key"/> in the current UI culture, its placeholders ({0}, {1}…) filled with
    /// <paramref name="args"/> in the current culture. An unknown key comes back as itself (a test keeps that from
    /// happening).
    /// </summary>
    public static string Get(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Text(key) ?? Catalog[key].Value, args);

    /// <summary>Whether <paramref name="key"/> is in the catalog of the current UI culture (or the neutral one).</summary>
    public static bool Has(string key) => Text(key) is not null;

    // ResourceManager takes a lock on every lookup, and a page asks for ~100 texts: under load the requests queued on it
    // (the web bench's profile). The catalog is embedded and never changes, so a text found once is kept; an unknown key
    // is not, so nothing a caller makes up can grow this.
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Found = new();

    private static string? Text(string key)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        if (Found.TryGetValue((culture, key), out var text)) return text;
        var entry = Catalog[key];
        if (entry.ResourceNotFound) return null;
        Found.TryAdd((culture, key), entry.Value);
        return entry.Value;
    }
}
