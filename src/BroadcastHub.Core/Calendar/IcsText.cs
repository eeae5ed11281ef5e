namespace BroadcastHub.Core.Calendar;

/// <summary>Escaping of iCalendar TEXT values (RFC 5545 §3.3.11).</summary>
public static class IcsText
{
    /// <summary>
    /// Escapes backslash, semicolon and comma, and turns every line break (CRLF, LF or CR) into <c>\n</c>.
    /// Other control characters, which iCalendar does not allow, are dropped.
    /// </summary>
    public static string Escape(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(' '); break;
                default:
                    if (!char.IsControl(c)) text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }
}
