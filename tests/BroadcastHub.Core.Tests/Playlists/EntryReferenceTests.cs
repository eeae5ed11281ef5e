using BroadcastHub.Core.Playlists;

namespace BroadcastHub.Core.Tests.Playlists;

public sealed class EntryReferenceTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("media/01/" + Sha + ".audio", Sha)]
    [InlineData(@"D:\data\media\01\" + Sha + ".audio", Sha)]
    [InlineData("https://hub.example/media/01/0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF.AUDIO?x=1", Sha)]
    [InlineData(Sha + ".audio", Sha)]
    [InlineData("media/01/" + Sha + ".mp3", null)]
    [InlineData("media/01/0123.audio", null)]
    [InlineData("audio/thoi-tiet.wav", null)]
    public void Reads_the_sha256_of_a_content_addressed_path(string location, string? sha) => Assert.Equal(sha, EntryReference.ShaOf(location));

    [Fact]
    public void The_tag_id_wins_over_the_uri_id_and_titles_are_compared_in_nfc()
    {
        var entry = new M3uEntry(3, "broadcasthub:bulletin/9", "  Tin thời tiết ".Normalize(System.Text.NormalizationForm.FormD), null, 4);
        var reference = EntryReference.Of(entry);
        Assert.Equal(4, reference.BulletinId);
        Assert.Equal("Tin thời tiết", reference.Title);
        Assert.Equal(9, EntryReference.Of(entry with { BulletinTag = null }).BulletinId);
        Assert.Null(EntryReference.Of(entry with { BulletinTag = null, Location = "broadcasthub:bulletin/x" }).BulletinId);
    }
}
