using System.Globalization;
using System.Text.RegularExpressions;

namespace BroadcastHub.Core.Newsroom;

/// <summary>Numbers as Vietnamese words: <c>21</c> hai mươi mốt, <c>105</c> một trăm linh năm, <c>1.005</c> một nghìn không trăm linh năm.</summary>
public static partial class VietnameseNumbers
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];

    /// <summary>A whole number in words.</summary>
    public static string Integer(long n)
    {
        if (n < 0) return "âm " + Integer(-n);
        if (n == 0) return Digits[0];
        var groups = new List<int>();
        for (var rest = n; rest > 0; rest /= 1000) groups.Add((int)(rest % 1000));
        var words = new List<string>();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0) continue;
            words.Add(Group(groups[i], full: i != groups.Count - 1));
            if (Scales[i].Length > 0) words.Add(Scales[i]);
        }
        return string.Join(' ', words);
    }

    /// <summary>Each digit on its own (phone numbers, codes with a leading zero): <c>0912</c> không chín một hai.</summary>
    public static string DigitByDigit(string text) =>
        string.Join(' ', text.Where(char.IsAsciiDigit).Select(c => Digits[c - '0']));

    /// <summary>
    /// A number as written in a Vietnamese notice: <c>.</c> groups thousands (<c>1.234.567</c>) and <c>,</c> starts the
    /// decimals (<c>3,5</c> ba phẩy năm); English <c>1,234,567</c> and <c>2.75</c> are understood too.
    /// </summary>
    public static string Written(string raw)
    {
        if (VietnameseThousands().IsMatch(raw)) return WholeAndDecimals(raw.Split(',')[0].Replace(".", ""), raw.Contains(',') ? raw.Split(',')[1] : null);
        if (EnglishThousands().IsMatch(raw)) return WholeAndDecimals(raw.Split('.')[0].Replace(",", ""), raw.Contains('.') ? raw.Split('.')[1] : null);
        if (Decimal().Match(raw) is { Success: true } d) return WholeAndDecimals(d.Groups[1].Value, d.Groups[2].Value);
        if (raw.All(char.IsAsciiDigit)) return Whole(raw);
        return string.Join(' ', Regex.Split(raw, "[.,]").Where(p => p.Length > 0).Select(Whole));
    }

    /// <summary>A string of digits: a leading zero or more than 15 digits are read digit by digit, as a code would be.</summary>
    public static string Whole(string digits) =>
        digits.Length > 15 || (digits.Length > 1 && digits[0] == '0') ? DigitByDigit(digits)
        : Integer(long.Parse(digits, CultureInfo.InvariantCulture));

    private static string WholeAndDecimals(string whole, string? decimals)
    {
        var spoken = whole.Length > 1 && whole[0] == '0' ? Integer(long.Parse(whole, CultureInfo.InvariantCulture)) : Whole(whole);
        if (string.IsNullOrEmpty(decimals)) return spoken;
        var zeros = decimals.TakeWhile(c => c == '0').Count();
        var rest = decimals[zeros..];
        var fraction = string.Join(' ', Enumerable.Repeat(Digits[0], zeros).Concat(rest.Length > 0 ? [Whole(rest)] : []));
        return $"{spoken} phẩy {fraction}";
    }

    private static string Group(int g, bool full)
    {
        int h = g / 100, t = g / 10 % 10, u = g % 10;
        var words = new List<string>();
        if (h > 0 || full) words.AddRange([Digits[h], "trăm"]);
        var afterHundreds = h > 0 || full;
        if (t == 0)
        {
            if (u > 0) words.AddRange(afterHundreds ? ["linh", Digits[u]] : [Digits[u]]);
        }
        else if (t == 1)
        {
            words.Add("mười");
            if (u > 0) words.Add(u == 5 ? "lăm" : Digits[u]);
        }
        else
        {
            words.AddRange([Digits[t], "mươi"]);
            if (u > 0) words.Add(u switch { 1 => "mốt", 4 => "tư", 5 => "lăm", _ => Digits[u] });
        }
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex VietnameseThousands();

    [GeneratedRegex(@"^\d{1,3}(,\d{3}){2,}(\.\d+)?$|^\d{1,3}(,\d{3})+\.\d+$")]
    private static partial Regex EnglishThousands();

    [GeneratedRegex(@"^(\d+)[.,](\d+)$")]
    private static partial Regex Decimal();
}
