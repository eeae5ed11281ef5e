namespace BroadcastHub.Playout;

/// <summary>Deletes what the file output recorded under <c>air/</c> once it is older than the retention period.</summary>
public static class RecordingRetention
{
    /// <summary>
    /// Deletes files under <paramref name="folder"/> last written more than <paramref name="days"/> days before
    /// <paramref name="now"/> (none when <paramref name="days"/> is 0 or less), and folders left empty. Returns how many
    /// files went. Running it twice changes nothing more.
    /// </summary>
    public static int Prune(string folder, int days, DateTimeOffset now)
    {
        if (days <= 0 || !Directory.Exists(folder)) return 0;
        var cutoff = now.UtcDateTime.AddDays(-days);
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc >= cutoff) continue;
            file.Delete();
            deleted++;
        }
        foreach (var dir in new DirectoryInfo(folder).EnumerateDirectories("*", SearchOption.AllDirectories).OrderByDescending(d => d.FullName.Length))
            if (!dir.EnumerateFileSystemInfos().Any()) dir.Delete();
        return deleted;
    }
}
