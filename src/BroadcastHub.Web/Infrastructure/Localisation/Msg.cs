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
        string.Format(CultureInfo.CurrentCulture, Catalog[key].Value, args);

    /// <summary>Whether <paramref name="key"/> is in the catalog of the current UI culture (or the neutral one).</summary>
    public static bool Has(string key) => !Catalog[key].ResourceNotFound;
}
