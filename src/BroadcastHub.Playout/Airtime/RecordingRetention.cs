namespace BroadcastHub.Playout;

/// <summary>Deletes what the file output recorded under <c>air/</c> once it is older than the retention period.</summary>
public static class RecordingRetention
{
    /// <summary>
    /// Deletes files under <paramref name="folder"/> last written more than <paramref name="days"/> days before
    /// <paramref name="now"/> (none when <paramref name="days"/> is 0 or less), and folders left empty. Returns how many
    /// files went. Running it twice changes nothing more. A top-level folder named in <paramref name="keep"/> is left
    /// alone (relay recordings under <c>air/relay</c> have their own retention); a file <paramref name="held"/> answers
    /// true for (its full path) is left too.
    /// </summary>
    public static int Prune(string folder, int days, DateTimeOffset now, string? keep = null, Func<string, bool>? held = null)
    {
        if (days <= 0 || !Directory.Exists(folder)) return 0;
        var cutoff = now.UtcDateTime.AddDays(-days);
        var kept = keep is null ? null : Path.Combine(Path.GetFullPath(folder), keep) + Path.DirectorySeparatorChar;
        bool Kept(string path) => kept is not null && (path + Path.DirectorySeparatorChar).StartsWith(kept, StringComparison.Ordinal);
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Path.GetFullPath(folder)).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (Kept(file.FullName) || held?.Invoke(file.FullName) == true) continue;
            if (file.LastWriteTimeUtc >= cutoff) continue;
            file.Delete();
            deleted++;
        }
        foreach (var dir in new DirectoryInfo(Path.GetFullPath(folder)).EnumerateDirectories("*", SearchOption.AllDirectories).OrderByDescending(d => d.FullName.Length))
            if (!Kept(dir.FullName) && !dir.EnumerateFileSystemInfos().Any()) dir.Delete();
        return deleted;
    }
}
