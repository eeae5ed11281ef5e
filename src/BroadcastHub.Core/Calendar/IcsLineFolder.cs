using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Calendar;

/// <summary>
/// Folds content lines at 75 octets (RFC 5545 §3.1): the first physical line holds up to 75 octets, each
/// continuation line a space plus up to 74. A fold never splits a UTF-8 sequence, and never a character from
/// its combining marks (e.g. Vietnamese <c>ệ</c> written as e + U+0323 + U+0302) unless one such cluster alone is
/// longer than a line.
/// </summary>
public static class IcsLineFolder
{
    /// <summary>Most octets on one physical line, excluding the CRLF.</summary>
    public const int MaxOctets = 75;

    /// <summary>Returns <paramref name="line"/> folded with CRLF + space; no trailing line break.</summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets) return line;
        var folded = new StringBuilder(line.Length + line.Length / 20 * 3);
        var budget = MaxOctets;
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (used + size <= budget)
            {
                folded.Append(element);
                used += size;
                continue;
            }
            if (size <= MaxOctets - 1)
            {
                folded.Append("\r\n ").Append(element);
                budget = MaxOctets - 1;
                used = size;
                continue;
            }
            foreach (var rune in element.EnumerateRunes())
            {
                if (used + rune.Utf8SequenceLength > budget)
                {
                    folded.Append("\r\n ");
                    budget = MaxOctets - 1;
                    used = 0;
                }
                folded.Append(rune.ToString());
                used += rune.Utf8SequenceLength;
            }
        }
        return folded.ToString();
    }
}
