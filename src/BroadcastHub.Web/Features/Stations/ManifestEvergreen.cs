using System.Globalization;
using BroadcastHub.Core.Library;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// A commune's evergreen playlist as a station needs it to fill a relay whose stream is away: its approved bulletins in
/// playlist order, with their media (cached like booked items, even when no session books them) and validity dates.
/// </summary>
public sealed record ManifestEvergreen(long CommuneId, IReadOnlyList<ManifestEvergreenItem> Items)
{
    /// <summary>
    /// The evergreen playlists of <paramref name="communeIds"/> (from <paramref name="playlists"/>, by commune) that have
    /// approved bulletins among <paramref name="found"/>.
    /// </summary>
    public static IReadOnlyList<ManifestEvergreen> Of(IEnumerable<long> communeIds, IReadOnlyDictionary<long, IReadOnlyList<long>> playlists,
        IReadOnlyDictionary<long, Bulletin> found) =>
        communeIds.Distinct().Order().Where(playlists.ContainsKey)
            .Select(id => new ManifestEvergreen(id, playlists[id].Select(b => found.GetValueOrDefault(b)).OfType<Bulletin>()
                .Where(b => b.Status == BulletinStatus.Approved).Select(Item).ToList()))
            .Where(p => p.Items.Count > 0).ToList();

    private static ManifestEvergreenItem Item(Bulletin b) => new(b.Id, b.Title, b.PlayoutSha256, b.PlayoutSizeBytes, b.DurationSeconds, b.IntegratedLufs,
        b.TruePeakDbtp, b.Frames, b.SampleRate, b.Channels, Date(b.ValidFrom), Date(b.ValidUntil));

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One evergreen bulletin: media by SHA-256, loudness analysis, exact length and the local dates it may air (null: open).</summary>
public sealed record ManifestEvergreenItem(long BulletinId, string Title, string Sha256, long Bytes, double DurationSeconds, double IntegratedLufs,
    double TruePeakDbtp, long Frames, int SampleRate, int Channels, string? ValidFrom, string? ValidUntil);
