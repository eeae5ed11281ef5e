using System.Diagnostics;

namespace BroadcastHub.TestStreams;

/// <summary>The source signal encoded once per test process by ffmpeg (MP3 for the Icecast stream, AAC segments for HLS).</summary>
internal static class Renders
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "bh-teststreams-" + Environment.ProcessId);
    private static readonly Lazy<Task<string>> Raw = new(() => Task.Run(WriteRaw));
    private static readonly Lazy<Task<string>> Mp3 = new(() => EncodeAsync("source.mp3",
        ["-c:a", "libmp3lame", "-b:a", "128k", "-write_xing", "0", "-id3v2_version", "0", "-f", "mp3"]));
    private static readonly Lazy<Task<string>> Hls = new(() => EncodeHlsAsync());

    /// <summary>The ffmpeg the tests use (on the PATH).</summary>
    public static string Ffmpeg => "ffmpeg";

    /// <summary>A CBR 128 kbit/s MP3 (384-byte frames, no tags) of one period.</summary>
    public static Task<string> Mp3FileAsync() => Mp3.Value;

    /// <summary>The folder of the HLS render: <c>full.m3u8</c> and its segments.</summary>
    public static Task<string> HlsFolderAsync() => Hls.Value;

    private static string WriteRaw()
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "source.f32");
        var samples = SourceSignal.Samples;
        var bytes = new byte[samples.Length * 4];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<string> EncodeAsync(string name, string[] output)
    {
        var raw = await Raw.Value;
        var path = Path.Combine(Folder, name);
        await RunAsync([.. Input(raw), .. output, path]);
        return path;
    }

    private static async Task<string> EncodeHlsAsync()
    {
        var raw = await Raw.Value;
        var folder = Path.Combine(Folder, "hls");
        Directory.CreateDirectory(folder);
        await RunAsync([.. Input(raw), "-c:a", "aac", "-b:a", "96k", "-f", "hls", "-hls_time", "2", "-hls_list_size", "0",
            "-hls_segment_filename", Path.Combine(folder, "seg%03d.ts"), Path.Combine(folder, "full.m3u8")]);
        return folder;
    }

    private static string[] Input(string raw) =>
        ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "f32le", "-ar", SourceSignal.SampleRate.ToString(), "-ac", "1", "-i", raw];

    private static async Task RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Ffmpeg) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg failed to render the test stream: " + errors);
    }
}
