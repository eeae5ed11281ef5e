using BroadcastHub.Core.Library;

namespace BroadcastHub.Core.Playlists;

/// <summary>An entry matched to its bulletin.</summary>
/// <param name="Line">Line of the entry.</param>
/// <param name="Bulletin">The bulletin it plays.</param>
public sealed record ResolvedEntry(int Line, Bulletin Bulletin);

/// <summary>Every entry matched, or the problems of those that could not be.</summary>
public sealed record PlaylistResolution(IReadOnlyList<ResolvedEntry> Entries, IReadOnlyList<PlaylistProblem> Problems)
{
    /// <summary>True when every entry matched an approved bulletin.</summary>
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Matches playlist entries to bulletins. The audio decides first: a path naming a SHA-256 matches only a bulletin
/// with that audio (ids are local to one installation, content is not), then the bulletin id, then the exact title.
/// Every matched bulletin must be approved.
/// </summary>
public static class PlaylistResolver
{
    /// <summary>
    /// Resolves <paramref name="entries"/> against <paramref name="candidates"/>, which must hold every bulletin
    /// that has one of the entries' ids, hashes or titles (more is harmless).
    /// </summary>
    public static PlaylistResolution Resolve(IReadOnlyList<M3uEntry> entries, IReadOnlyCollection<Bulletin> candidates)
    {
        var byId = candidates.ToDictionary(b => b.Id);
        var bySha = candidates.ToLookup(b => b.Sha256.ToLowerInvariant());
        var byTitle = candidates.ToLookup(b => EntryReference.NormalizeTitle(b.Title), StringComparer.Ordinal);
        var resolved = new List<ResolvedEntry>();
        var problems = new List<PlaylistProblem>();
        foreach (var entry in entries)
        {
            var reference = EntryReference.Of(entry);
            var (bulletin, problem) = reference switch
            {
                { Sha256: { } sha } => BySha(bySha[sha].ToList(), reference.BulletinId, sha),
                { BulletinId: { } id } => byId.TryGetValue(id, out var b) ? (b, null)
                    : (null, new PlaylistProblem(0, PlaylistProblemCodes.BulletinNotFound, id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                { Title: { } title } => ByTitle(byTitle[title].ToList(), title),
                _ => (null, new PlaylistProblem(0, PlaylistProblemCodes.EntryUnidentified, entry.Location)),
            };
            if (problem is null && bulletin!.Status != BulletinStatus.Approved)
                problem = new PlaylistProblem(0, PlaylistProblemCodes.BulletinNotApproved, bulletin.Title);
            if (problem is not null) problems.Add(problem with { Line = entry.Line });
            else resolved.Add(new ResolvedEntry(entry.Line, bulletin!));
        }
        return new PlaylistResolution(resolved, problems);
    }

    private static (Bulletin?, PlaylistProblem?) BySha(List<Bulletin> matches, long? id, string sha)
    {
        if (matches.Count == 0) return (null, new PlaylistProblem(0, PlaylistProblemCodes.AudioNotFound, sha));
        var chosen = matches.FirstOrDefault(b => b.Id == id)
            ?? matches.Where(b => b.Status == BulletinStatus.Approved).MaxBy(b => b.Id)
            ?? matches.MaxBy(b => b.Id)!;
        return (chosen, null);
    }

    private static (Bulletin?, PlaylistProblem?) ByTitle(List<Bulletin> matches, string title)
    {
        if (matches.Count == 0) return (null, new PlaylistProblem(0, PlaylistProblemCodes.TitleNotFound, title));
        var approved = matches.Where(b => b.Status == BulletinStatus.Approved).ToList();
        return approved.Count switch
        {
            1 => (approved[0], null),
            0 => (matches.MaxBy(b => b.Id), null),
            _ => (null, new PlaylistProblem(0, PlaylistProblemCodes.TitleAmbiguous, title)),
        };
    }
}
