using System.Diagnostics;

namespace BroadcastHub.Bench;

/// <summary>
/// Generates the benchmark audio once into the work folder (never committed): Vietnamese speech from espeak-ng
/// (a synthesised tone-and-noise programme when espeak-ng is missing) over a quiet pink-noise bed, looped to
/// length and encoded by ffmpeg/libmp3lame as 128 kbps CBR stereo MP3 at 44.1 kHz.
/// </summary>
public sealed class BenchFiles(string work)
{
    private const string Text =
        "Kính thưa bà con, đây là bản tin của đài truyền thanh xã. Sáng nay, ủy ban nhân dân xã tổ chức tiêm phòng "
        + "cho đàn gia súc tại nhà văn hóa thôn. Đề nghị bà con chú ý phòng chống bão lụt, kiểm tra nhà cửa, "
        + "và theo dõi thông tin thời tiết trên loa truyền thanh. Xin cảm ơn bà con đã lắng nghe.";

    public string Mp3(int minutes)
    {
        var path = Path.Combine(work, $"speech-{minutes}min-128k-stereo.mp3");
        if (File.Exists(path)) return path;
        var speech = Speech();
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "-1", "-i", speech,
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.003:sample_rate=44100",
            "-filter_complex", "[0:a]aresample=44100,pan=stereo|c0=c0|c1=0.9*c0[s];[1:a]pan=stereo|c0=c0|c1=c0[n];[s][n]amix=inputs=2:normalize=0",
            "-t", (minutes * 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:a", "libmp3lame", "-b:a", "128k", "-ar", "44100", "-ac", "2", path + ".tmp.mp3");
        File.Move(path + ".tmp.mp3", path);
        return path;
    }

    /// <summary>The speech programme as AAC-LC 64 kbps mono 48 kHz in M4A, the way a phone's voice memo stores it.</summary>
    public string Aac(int minutes)
    {
        var path = Path.Combine(work, $"speech-{minutes}min-aac64-mono.m4a");
        if (File.Exists(path)) return path;
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", "-1", "-i", Mp3(Math.Min(minutes, 10)),
            "-t", (minutes * 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:a", "aac", "-b:a", "64k", "-ar", "48000", "-ac", "1", path + ".tmp.m4a");
        File.Move(path + ".tmp.m4a", path);
        return path;
    }

    private string Speech()
    {
        var path = Path.Combine(work, "speech-source.wav");
        if (File.Exists(path)) return path;
        try
        {
            Run("espeak-ng", "-v", "vi", "-s", "150", "-w", path, Text);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.WriteLine($"espeak-ng unavailable ({e.Message}); using a synthesised programme.");
            Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=220:sample_rate=44100:duration=30,tremolo=f=4:d=0.9,volume=0.3", path);
        }

        return path;
    }

    public static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {stderr.Result}");
        return stdout + stderr.Result;
    }
}
