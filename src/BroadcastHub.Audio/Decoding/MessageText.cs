using System.Globalization;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Culture-independent number formatting for technician messages (always <c>1,234,567</c>).</summary>
internal static class MessageText
{
    /// <summary>Formats <paramref name="value"/> with thousands separators in the invariant culture.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats <paramref name="value"/> like <see cref="N(long)"/>; <c>?</c> when unknown.</summary>
    public static string N(long? value) => value is { } v ? N(v) : "?";
}
