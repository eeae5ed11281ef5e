using System.Text;
using BroadcastHub.Core.Calendar;

namespace BroadcastHub.Core.Tests.Calendar;

public sealed class IcsLineFolderTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void A_line_of_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('a', 67);
        Assert.Equal(75, Encoding.UTF8.GetByteCount(line));
        Assert.Equal(line, IcsLineFolder.Fold(line));
    }

    [Fact]
    public void A_line_of_76_octets_is_folded_with_crlf_and_a_space()
    {
        var line = "SUMMARY:" + new string('a', 68);
        Assert.Equal("SUMMARY:" + new string('a', 67) + "\r\n a", IcsLineFolder.Fold(line));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Vietnamese_text_at_the_octet_limit_never_splits_a_character(int asciiPad)
    {
        // "ệ" precomposed is 3 octets: shifting the text by 0–3 ASCII octets puts every byte offset at the fold.
        var line = "SUMMARY:" + new string('x', asciiPad) + string.Concat(Enumerable.Repeat("Buổi phát – Xã Nghĩa Hưng, thông báo lịch tiêm chủng; ", 6));
        var folded = IcsLineFolder.Fold(line);
        var physical = folded.Split("\r\n");
        Assert.True(physical.Length > 3);
        for (var i = 0; i < physical.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(physical[i]);
            Assert.True(bytes.Length <= 75, $"line {i} has {bytes.Length} octets");
            StrictUtf8.GetString(bytes);
            if (i > 0) Assert.StartsWith(" ", physical[i]);
        }
        Assert.True(physical.Take(physical.Length - 1).All(l => Encoding.UTF8.GetByteCount(l) >= 72), "lines are filled close to the limit");
        Assert.Equal(line, folded.Replace("\r\n ", ""));
    }

    [Fact]
    public void Combining_marks_stay_with_their_letter()
    {
        // "ệ" decomposed: e + U+0323 + U+0302 (5 octets); the fold falls inside it unless it moves before it.
        var decomposed = "e\u0323\u0302";
        var line = "DESCRIPTION:" + new string('a', 61) + decomposed + "nd";
        Assert.Equal(80, Encoding.UTF8.GetByteCount(line));
        var physical = IcsLineFolder.Fold(line).Split("\r\n");
        Assert.Equal(2, physical.Length);
        Assert.Equal(" " + decomposed + "nd", physical[1]);
    }

    [Fact]
    public void Four_octet_characters_are_kept_whole()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("📻", 40));
        foreach (var physical in IcsLineFolder.Fold(line).Split("\r\n"))
        {
            var bytes = Encoding.UTF8.GetBytes(physical);
            Assert.True(bytes.Length <= 75);
            StrictUtf8.GetString(bytes);
        }
    }
}
