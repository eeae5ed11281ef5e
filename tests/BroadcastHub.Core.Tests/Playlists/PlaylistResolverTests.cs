using BroadcastHub.Core.Library;
using BroadcastHub.Core.Playlists;

namespace BroadcastHub.Core.Tests.Playlists;

public sealed class PlaylistResolverTests
{
    private static string Sha(char c) => new(c, 64);

    private static Bulletin B(long id, string title, char sha, BulletinStatus status = BulletinStatus.Approved) => new()
    {
        Id = id, Title = title, Sha256 = Sha(sha), OriginalFileName = "x.wav", Codec = "wav", Status = status, Frames = 16000 * 5, SampleRate = 16000,
    };

    private static readonly Bulletin[] Library =
    [
        B(1, "Tin thời tiết", 'a'), B(2, "Thông báo", 'b'), B(3, "Chờ duyệt", 'c', BulletinStatus.PendingApproval),
        B(4, "Trùng tên", 'd'), B(5, "Trùng tên", 'e'), B(6, "Bị từ chối", 'f', BulletinStatus.Rejected),
        B(7, "Tin thời tiết (bản cũ)", 'a'),
    ];

    private static PlaylistResolution Resolve(params M3uEntry[] entries) => PlaylistResolver.Resolve(entries, Library);

    [Fact]
    public void Resolves_by_tag_uri_sha_and_title_in_order()
    {
        var result = Resolve(
            new M3uEntry(2, "x.wav", null, null, 2),
            new M3uEntry(3, "broadcasthub:bulletin/1", null, null, null),
            new M3uEntry(4, $"media/bb/{Sha('b')}.audio", null, null, null),
            new M3uEntry(5, "audio/thoi-tiet.wav", "Tin thời tiết", 11, null));
        Assert.True(result.Ok);
        Assert.Equal([(2, 2L), (3, 1L), (4, 2L), (5, 1L)], result.Entries.Select(e => (e.Line, e.Bulletin.Id)));
    }

    [Fact]
    public void The_audio_decides_over_an_id_from_another_installation()
    {
        var result = Resolve(new M3uEntry(4, $"media/aa/{Sha('a')}.audio", "Thông báo", null, 2));
        Assert.Equal(7, Assert.Single(result.Entries).Bulletin.Id); // newest approved bulletin with that audio
        var same = Resolve(new M3uEntry(4, $"media/aa/{Sha('a')}.audio", null, null, 1));
        Assert.Equal(1, Assert.Single(same.Entries).Bulletin.Id); // the tag picks among bulletins with that audio
    }

    [Fact]
    public void Every_unresolved_or_unapproved_entry_is_reported_with_its_line()
    {
        var result = Resolve(
            new M3uEntry(2, "x.wav", null, null, 99),
            new M3uEntry(4, $"media/99/{Sha('9')}.audio", "Tin thời tiết", null, 1),
            new M3uEntry(6, "y.wav", "Không có", null, null),
            new M3uEntry(8, "z.wav", "Trùng tên", null, null),
            new M3uEntry(10, "w.wav", null, null, null),
            new M3uEntry(12, "c.wav", "Chờ duyệt", null, null),
            new M3uEntry(14, "broadcasthub:bulletin/6", null, null, null),
            new M3uEntry(16, "ok.wav", "Thông báo", null, null));
        Assert.Equal(
            [
                (2, PlaylistProblemCodes.BulletinNotFound, "99"), (4, PlaylistProblemCodes.AudioNotFound, Sha('9')),
                (6, PlaylistProblemCodes.TitleNotFound, "Không có"), (8, PlaylistProblemCodes.TitleAmbiguous, "Trùng tên"),
                (10, PlaylistProblemCodes.EntryUnidentified, "w.wav"), (12, PlaylistProblemCodes.BulletinNotApproved, "Chờ duyệt"),
                (14, PlaylistProblemCodes.BulletinNotApproved, "Bị từ chối"),
            ],
            result.Problems.Select(p => (p.Line, p.Code, p.Subject)));
        Assert.False(result.Ok);
    }
}
