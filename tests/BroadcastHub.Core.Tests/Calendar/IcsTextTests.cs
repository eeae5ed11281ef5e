using BroadcastHub.Core.Calendar;

namespace BroadcastHub.Core.Tests.Calendar;

public sealed class IcsTextTests
{
    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\nb")]
    [InlineData("a\rb", @"a\nb")]
    [InlineData("a\r\n\r\nb", @"a\n\nb")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u0007b", "ab")]
    [InlineData("Tin: \"Xã Sủng Là\"", "Tin: \"Xã Sủng Là\"")]
    public void Escapes_text_values(string value, string expected) => Assert.Equal(expected, IcsText.Escape(value));

    [Fact]
    public void Backslash_is_escaped_before_the_other_characters_so_nothing_is_escaped_twice() =>
        Assert.Equal(@"1\\\; 2\, 3\\n", IcsText.Escape(@"1\; 2, 3\n"));
}
