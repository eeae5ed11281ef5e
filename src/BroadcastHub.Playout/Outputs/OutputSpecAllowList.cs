using System.Globalization;
using System.Text.RegularExpressions;
using BroadcastHub.Audio.Output;

namespace BroadcastHub.Playout;

/// <summary>
/// The output specs a zone may be given from the web (API or stations page), and may be aired from once stored:
/// <c>auto</c>, <c>file</c>, <c>null</c>, <c>waveout</c>/<c>waveout:&lt;n&gt;</c>, <c>alsa:default</c>,
/// <c>alsa:hw:&lt;card&gt;,&lt;device&gt;</c>, <c>alsa:plughw:&lt;card&gt;,&lt;device&gt;</c> and <c>alsa:&lt;name&gt;</c> for a
/// name the <c>devices</c> verb lists on this machine; drills wrap one of these. ALSA parses a device string as its own
/// configuration language (its <c>file</c> plugin truncates files, <c>|…</c> runs a shell), so nothing else reaches it.
/// Configuration files are the technician's and are not checked here.
/// </summary>
public static partial class OutputSpecAllowList
{
    /// <summary>Stable error code of a refused spec.</summary>
    public const string RefusedCode = "output_not_allowed";

    private const int MaxNesting = 4;

    /// <summary>What may be typed, for messages.</summary>
    public const string Allowed =
        "auto, file, null, waveout, waveout:<n>, alsa:default, alsa:hw:<card>,<device>, alsa:plughw:<card>,<device>, " +
        "alsa:<a name listed by 'devices'>, fail-after:<seconds>:<spec>, unplug-after:<seconds>:<spec>";

    /// <summary>Null when <paramref name="spec"/> is on the allow-list; else the part that is not.</summary>
    /// <param name="spec">The spec as typed.</param>
    /// <param name="listedDevices">ALSA PCM names this machine lists (see <see cref="PlayoutOutputFactory.ListDevices"/>).</param>
    public static string? Refusal(string spec, Func<IReadOnlyCollection<string>> listedDevices)
    {
        ArgumentNullException.ThrowIfNull(listedDevices);
        return Refusal((spec ?? "").Trim(), listedDevices, 0);
    }

    private static string? Refusal(string spec, Func<IReadOnlyCollection<string>> listedDevices, int depth)
    {
        if (depth > MaxNesting) return spec;
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? spec : spec[..colon]).ToLowerInvariant();
        var argument = colon < 0 ? null : spec[(colon + 1)..];
        return kind switch
        {
            "auto" or "file" or "null" or "waveout" when argument is null => null,
            "waveout" when WaveOutDevice().IsMatch(argument!) => null,
            "alsa" when argument is not null && IsAllowedAlsaDevice(argument, listedDevices) => null,
            "fail-after" or "unplug-after" when argument is not null => DrillRefusal(spec, argument, listedDevices, depth),
            _ => spec,
        };
    }

    private static string? DrillRefusal(string spec, string argument, Func<IReadOnlyCollection<string>> listedDevices, int depth)
    {
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !double.TryParse(argument[..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !double.IsFinite(seconds) || seconds < 0)
            return spec;
        return Refusal(argument[(colon + 1)..], listedDevices, depth + 1);
    }

    private static bool IsAllowedAlsaDevice(string device, Func<IReadOnlyCollection<string>> listedDevices) =>
        device == "default" || CardAndDevice().IsMatch(device) || listedDevices().Contains(device, StringComparer.Ordinal);

    [GeneratedRegex(@"^(plug)?hw:[0-9]{1,2}(,[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CardAndDevice();

    [GeneratedRegex(@"^[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex WaveOutDevice();
}
