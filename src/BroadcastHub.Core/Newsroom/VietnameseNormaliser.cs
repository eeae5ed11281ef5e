using System.Globalization;
using System.Text.RegularExpressions;

namespace BroadcastHub.Core.Newsroom;

/// <summary>
/// Turns a typed Vietnamese notice into words a voice reads correctly: numbers (<c>1.234.567</c>, <c>3,5</c>), dates
/// (<c>06/12/2026</c>), times (<c>17h30</c>), phone numbers digit by digit, abbreviations (UBND, HĐND, TP.) and units
/// after a number (km, ha, °C, %). Pure: the same text always gives the same result.
/// </summary>
public static partial class VietnameseNormaliser
{
    private const string Num = @"\d+(?:[.,]\d+)*";
    private static readonly Regex Tokens = Build();

    /// <summary>The normalised text and every token that changed, in order.</summary>
    public static NormalisedText Normalise(string text)
    {
        var tokens = new List<NormalisedToken>();
        var spoken = Tokens.Replace(text, m =>
        {
            var (words, kind) = Speak(m);
            if (words is null) return m.Value;
            tokens.Add(new NormalisedToken(m.Value, words, kind));
            return " " + words + " ";
        });
        spoken = Spaces().Replace(spoken, " ");
        spoken = SpaceBeforePunctuation().Replace(spoken, "$1");
        spoken = DoubledWord().Replace(spoken, "$1");
        return new NormalisedText(spoken.Trim(), tokens);
    }

    private static (string? Words, string Kind) Speak(Match m)
    {
        var g = m.Groups;
        if (g["phone"].Success) return (VietnameseNumbers.DigitByDigit(g["phone"].Value.StartsWith('+') ? "0" + g["phone"].Value[3..] : g["phone"].Value), "phone");
        if (g["date"].Success) return (Date(g["d"].Value, g["mo"].Value, g["y"].Value), "date");
        if (g["time"].Success) return (Time(g["h"].Value, g["mi"].Value), "time");
        if (g["fourth"].Success) return ("tư", "number");
        if (g["range"].Success)
            return ($"{VietnameseNumbers.Written(g["ra"].Value)} đến {VietnameseNumbers.Written(g["rb"].Value)}", "range");
        if (g["num"].Success) return (VietnameseNumbers.Written(g["num"].Value), "number");
        if (g["unit"].Success) return (VietnameseLexicon.Units[g["unit"].Value], "unit");
        if (g["abbr"].Success) return (VietnameseLexicon.Abbreviations[g["abbr"].Value], "abbreviation");
        return (null, "");
    }

    private static string? Date(string day, string month, string year)
    {
        var (d, mo) = (int.Parse(day, CultureInfo.InvariantCulture), int.Parse(month, CultureInfo.InvariantCulture));
        var words = $"ngày {VietnameseNumbers.Integer(d)} tháng {(mo == 4 ? "tư" : VietnameseNumbers.Integer(mo))}";
        return year.Length > 0 ? $"{words} năm {VietnameseNumbers.Integer(int.Parse(year, CultureInfo.InvariantCulture))}" : words;
    }

    private static string Time(string hours, string minutes)
    {
        var words = $"{VietnameseNumbers.Integer(int.Parse(hours, CultureInfo.InvariantCulture))} giờ";
        var m = minutes.Length > 0 ? int.Parse(minutes, CultureInfo.InvariantCulture) : 0;
        return m > 0 ? $"{words} {VietnameseNumbers.Integer(m)} phút" : words;
    }

    private static Regex Build()
    {
        static string Alternatives(IEnumerable<string> words) =>
            string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
        var pattern =
            @"(?<phone>(?<![\d.,])(?:\+84 ?|0)\d{2,3}(?:[ .\-]?\d{3,4}){2}(?![\d]))" +
            @"|(?<date>(?<![\d/.,])(?<d>0?[1-9]|[12]\d|3[01])(?:/(?<mo>0?[1-9]|1[0-2])(?:/(?<y>\d{4}))?|(?<sep>[.\-])(?<mo>0?[1-9]|1[0-2])\k<sep>(?<y>\d{4}))(?![\d/.,]\d|\d))" +
            @"|(?<time>(?<![\d.,:])(?<h>[01]?\d|2[0-4])(?:h|g|:)(?<mi>[0-5]\d)?(?![\p{L}\d]))" +
            @"|(?<fourth>(?<=\b(?:[Tt]hứ|[Tt]háng) )4(?!\d))" +
            $@"|(?<range>(?<![\d.,/-])(?<ra>{Num}) ?[–-] ?(?<rb>{Num})(?![\d/-]))" +
            $@"|(?<num>(?<![\p{{L}}\d]){Num})" +
            $@"|(?<unit>(?<=\d ?)(?:{Alternatives(VietnameseLexicon.Units.Keys)})(?![\p{{L}}\d]))" +
            $@"|(?<abbr>(?<![\p{{L}}\d])(?:{Alternatives(VietnameseLexicon.Abbreviations.Keys)})(?![\p{{L}}\d]))";
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2));
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:!?)])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?i)\b(ngày|tháng|lúc)\s+\1\b")]
    private static partial Regex DoubledWord();
}
