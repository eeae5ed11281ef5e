using System.Globalization;
using System.Text;

namespace BroadcastHub.Audio.Output;

/// <summary>The EBU Tech 3285 (version 1) <c>bext</c> fields BroadcastHub writes.</summary>
/// <param name="Description">Free text, at most 256 ASCII characters.</param>
/// <param name="Originator">Who made the file, at most 32 ASCII characters.</param>
/// <param name="OriginatorReference">Unique reference, at most 32 ASCII characters.</param>
/// <param name="OriginationDate">Local date of the first sample, <c>yyyy-MM-dd</c>.</param>
/// <param name="OriginationTime">Local time of the first sample, <c>HH:mm:ss</c> (truncated).</param>
/// <param name="TimeReference">Samples since local midnight of the first sample (carries sub-second precision).</param>
/// <param name="CodingHistory">Coding history line(s), e.g. <c>A=PCM,F=44100,W=16,M=mono,T=BroadcastHub</c>.</param>
public sealed record BextFields(
    string Description, string Originator, string OriginatorReference, string OriginationDate,
    string OriginationTime, ulong TimeReference, string CodingHistory)
{
    /// <summary>The originator BroadcastHub writes.</summary>
    public const string BroadcastHubOriginator = "BroadcastHub";

    /// <summary>Builds the fields for a recording whose first sample was heard at <paramref name="firstSampleAt"/>.</summary>
    /// <param name="description">Description (non-ASCII letters are folded, e.g. "Bản tin" → "Ban tin").</param>
    /// <param name="reference">Originator reference.</param>
    /// <param name="firstSampleAt">Measured instant of the first sample.</param>
    /// <param name="zone">Station time zone.</param>
    /// <param name="sampleRate">Sample rate of the recording.</param>
    /// <param name="channels">Channel count (for the coding history).</param>
    public static BextFields ForStart(
        string description, string reference, DateTimeOffset firstSampleAt, TimeZoneInfo zone, int sampleRate, int channels)
    {
        var local = TimeZoneInfo.ConvertTime(firstSampleAt, zone);
        var sinceMidnight = local.DateTime - local.DateTime.Date;
        var timeReference = (ulong)(sinceMidnight.Ticks * (decimal)sampleRate / TimeSpan.TicksPerSecond);
        var mode = channels == 1 ? "mono" : channels == 2 ? "stereo" : "multichannel";
        return new BextFields(
            Ascii(description, 256), BroadcastHubOriginator, Ascii(reference, 32),
            local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), timeReference,
            $"A=PCM,F={sampleRate},W=16,M={mode},T={BroadcastHubOriginator}\r\n");
    }

    /// <summary>Folds text to printable ASCII (diacritics removed, đ → d) and truncates it.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="maxLength">Maximum length.</param>
    public static string Ascii(string text, int maxLength)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append('?');
            }
        }

        return sb.Length > maxLength ? sb.ToString(0, maxLength) : sb.ToString();
    }
}
