using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Tests.Localisation;

/// <summary>The message catalog as the app reads it: the compiled neutral (Vietnamese) resources and the English satellite.</summary>
public static partial class Catalog
{
    private static readonly ResourceManager Resources = new(typeof(Messages));

    /// <summary>Key → text of one language, without falling back to another.</summary>
    public static IReadOnlyDictionary<string, string> Of(string culture) =>
        (Resources.GetResourceSet(culture.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(culture), true, false)
            ?? throw new InvalidOperationException($"no resources for '{culture}'"))
        .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");

    public static IReadOnlyDictionary<string, string> Vietnamese => Of("");

    public static IReadOnlyDictionary<string, string> English => Of("en");

    /// <summary>The placeholder indexes a composite format uses ({0}, {1,5}, {2:HH\:mm}); escaped braces ignored.</summary>
    public static SortedSet<int> Placeholders(string format) =>
        new(Placeholder().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
