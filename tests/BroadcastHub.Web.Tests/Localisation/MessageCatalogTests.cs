using System.Globalization;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BroadcastHub.Web.Tests.Localisation;

/// <summary>The message catalog is complete in both languages and every key the code asks for is in it.</summary>
public sealed partial class MessageCatalogTests
{
    /// <summary>
    /// Keys whose English shows an English detail (the framework's, a rule's or an exception's own text) that the
    /// Vietnamese deliberately leaves out, or the other way round: their placeholders differ on purpose.
    /// </summary>
    private static readonly HashSet<string> DeliberatelyDifferentPlaceholders =
    [
        "InvalidRequest2", "InvalidRequestAt2", "YeuCauKhongHopLe", "OutputCannotBeUsed", "TepNayCoDinhDangKhong",
        "OutcomeIsNotOneOf", "BuoiPhatNamNgoaiGioCho", "CacNgayCoNgayNgoaiCac", "BuoiPhatPhutDaiHonMuc", "QuaSoBuoiChoPhepTrong",
        "ViPhamQuyDinhPhatThanh", "GioChoPhepKhongNamTrong", "CacNgayKhongNamTrongCac", "PhutBuoiNhieuHonMucPhut",
        "BuoiNgayNhieuHonMucBuoi", "RongHonQuyDinhCuaCap",
    ];

    [Fact]
    public void Every_key_has_a_non_empty_vietnamese_and_english_text()
    {
        var vi = Catalog.Vietnamese;
        var en = Catalog.English;

        Assert.True(vi.Count > 500, $"only {vi.Count} Vietnamese entries");
        Assert.Empty(vi.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(vi.Keys));
        Assert.Empty(vi.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "vi " + e.Key));
        Assert.Empty(en.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en " + e.Key));
    }

    [Fact]
    public void Both_languages_of_a_key_use_the_same_placeholders_and_format_with_them()
    {
        var en = Catalog.English;
        var problems = new List<string>();
        foreach (var (key, vi) in Catalog.Vietnamese)
        {
            if (!en.TryGetValue(key, out var english)) continue;
            var (viSlots, enSlots) = (Catalog.Placeholders(vi), Catalog.Placeholders(english));
            if (!viSlots.SetEquals(enSlots) && !DeliberatelyDifferentPlaceholders.Contains(key))
                problems.Add($"{key}: vi {{{string.Join(",", viSlots)}}} en {{{string.Join(",", enSlots)}}}");
            var args = Enumerable.Range(0, Math.Max(viSlots.Concat(enSlots).DefaultIfEmpty(-1).Max() + 1, 0))
                .Select(_ => (object?)null).ToArray();
            foreach (var text in new[] { vi, english })
                try
                {
                    _ = string.Format(CultureInfo.InvariantCulture, text, args);
                }
                catch (FormatException e)
                {
                    problems.Add($"{key}: '{text}' is not a composite format ({e.Message})");
                }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(DeliberatelyDifferentPlaceholders, key => Assert.True(Catalog.Vietnamese.ContainsKey(key), $"{key} is no longer in the catalog"));
    }

    [Fact]
    public void Every_key_the_source_asks_for_is_in_the_catalog()
    {
        var catalog = Catalog.Vietnamese;
        var used = SourceFiles().SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: f, Key: m.Groups["key"].Value))).ToList();

        Assert.True(used.Count > 500, $"only {used.Count} uses of Msg.Get found: the pattern no longer matches the code");
        Assert.Empty(used.Where(u => !catalog.ContainsKey(u.Key)).Select(u => $"{Path.GetFileName(u.File)}: {u.Key}"));
    }

    [Fact]
    public void No_inline_vietnamese_english_pair_is_left_outside_playout()
    {
        var left = SourceFiles()
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Playout{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => InlinePair().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
        Assert.Empty(left);
    }

    [Theory]
    [InlineData("vi-VN", "Hồ sơ cá nhân")]
    [InlineData("en-US", "Profile")]
    [InlineData("en", "Profile")]
    [InlineData("fr-FR", "Hồ sơ cá nhân")]
    public void A_message_follows_the_current_ui_culture_with_vietnamese_as_the_fallback(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Messages>>();

            Assert.Equal(expected, Msg.Get("Profile"));
            Assert.Equal(expected, localizer["Profile"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Placeholders_are_filled_in_the_current_culture_and_escaped_braces_stay_single()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.Equal("Created station \"Đài A\" (queue station-2).", Msg.Get("CreatedStationQueue", "Đài A", "station-2"));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
            Assert.Equal("Đã tạo máy phát \"Đài A\" (hàng đợi station-2).", Msg.Get("CreatedStationQueue", "Đài A", "station-2"));
            Assert.Equal("NoSuchKey", Msg.Get("NoSuchKey"));
            Assert.False(Msg.Has("NoSuchKey"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""Msg\.(?:Get|Has)\(\s*"(?<key>[^"]+)"\s*[,)]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex("""(?:\bText\.Pick|(?<![\w.])T|\bUi\.T)\(\s*\$?@?"(?:[^"\\]|\\.)*"\s*,\s*\$?@?"(?:[^"\\]|\\.)*"\s*\)""")]
    private static partial Regex InlinePair();
}
