namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>
/// Where ffmpeg and ffprobe are: the configured path (<c>BroadcastHub:Ffmpeg:Path</c>) when set, else <c>ffmpeg</c> on
/// the PATH; ffprobe beside it. Looked up on every use, so installing the package needs no restart.
/// </summary>
/// <param name="configuredPath">The ffmpeg executable an administrator chose, or null/empty to search the PATH.</param>
public sealed class FfmpegTools(string? configuredPath)
{
    /// <summary>The Debian package that provides both tools, named in refusals.</summary>
    public const string Package = "ffmpeg";

    /// <summary>The ffmpeg executable, or null when it is not installed.</summary>
    public string? Ffmpeg => Resolve();

    /// <summary>The ffprobe executable beside ffmpeg, or null.</summary>
    public string? Ffprobe => Resolve() is { } ffmpeg && Path.Combine(Path.GetDirectoryName(ffmpeg)!, ProbeName) is var probe
        && File.Exists(probe) ? probe : null;

    /// <summary>True when both tools are present.</summary>
    public bool Available => Ffprobe is not null;

    private static string ExeName => OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
    private static string ProbeName => OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe";

    private string? Resolve()
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return dirs.Select(d => Path.Combine(d, ExeName)).FirstOrDefault(File.Exists);
    }
}
