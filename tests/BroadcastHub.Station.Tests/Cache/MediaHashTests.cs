using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Cache;

public sealed class MediaHashTests
{
    public static TheoryData<string?> Malformed => new()
    {
        null,
        "",
        new string('a', 63),
        new string('a', 65),
        new string('A', 64),
        "../../../../../../etc/passwd" + new string('a', 36),
        "..\\..\\" + new string('a', 58),
        new string('a', 62) + "/x",
        new string('g', 64),
        " " + new string('a', 63),
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_hashes_are_refused_before_the_file_system_or_the_hub_is_touched(string? sha)
    {
        await using var h = await CacheHarness.StartAsync();

        var ensure = await Assert.ThrowsAsync<ArgumentException>(() => h.Cache.EnsureAsync(sha!));
        var verify = await Assert.ThrowsAsync<ArgumentException>(() => h.Cache.VerifyAsync(sha!));

        Assert.Contains("64 lowercase hexadecimal digits", ensure.Message);
        Assert.Equal("sha256", verify.ParamName);
        Assert.False(Directory.Exists(h.MediaRoot));
        Assert.Empty(h.Hub.Requests);
    }
}
