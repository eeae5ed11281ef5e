namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>A configured executable if it exists, else the named one on the PATH; null when neither is there.</summary>
internal static class ExecutableSearch
{
    public static string? Find(string? configured, string? nameOnPath)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        if (nameOnPath is null) return null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, nameOnPath)).FirstOrDefault(File.Exists);
    }
}
