using System.Globalization;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Web.Cli;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary><c>analyze FILE [--json]</c>: decodes and measures a file exactly as an upload is measured.</summary>
internal static class AnalyzeVerb
{
    /// <summary>Error code for a path with no file.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>Error code for a file that cannot be read (permissions, I/O).</summary>
    public const string Unreadable = "unreadable_file";

    public static int Run(string[] args, IConfiguration config, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArguments(args);
        a.EnsureOnly("json");
        if (a.Positionals.Count != 1) throw new CliUsageException("analyze needs exactly one FILE.");
        var path = a.Positionals[0];
        var json = a.Has("json");
        AudioAnalysis analysis;
        try
        {
            if (!File.Exists(path)) return Refuse(FileNotFound, $"There is no file at {Path.GetFullPath(path)}.");
            var house = Path.Combine(Path.GetTempPath(), "bh-analyze-" + Guid.NewGuid().ToString("N") + ".wav");
            try
            {
                var ffmpeg = new Audio.Decoding.Ffmpeg.FfmpegTools(config["BroadcastHub:Ffmpeg:Path"]);
                analysis = MediaIntake.Analyze(path, house, new Audio.Decoding.Ffmpeg.FfmpegDecoder(ffmpeg)).Analysis;
            }
            finally
            {
                File.Delete(house);
            }
        }
        catch (AudioRejectedException e)
        {
            return Refuse(e.Code, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse(Unreadable, $"The file cannot be read: {e.Message}");
        }

        var target = LoudnessConfiguration.For(config);
        if (json) stdout.WriteLine(CliJson.Serialize(AnalyzeReport.From(path, analysis, target)));
        else WriteText(stdout, path, analysis, target);
        return CliVerbs.Ok;

        int Refuse(string code, string message)
        {
            if (json) stdout.WriteLine(CliJson.Serialize(new CliError(path, code, message)));
            else stderr.WriteLine($"Refused ({code}): {message}");
            return CliVerbs.Failed;
        }
    }

    private static void WriteText(TextWriter o, string path, AudioAnalysis r, LoudnessTarget target)
    {
        var c = CultureInfo.InvariantCulture;
        var layout = r.Channels switch { 1 => "mono", 2 => "stereo", _ => $"{r.Channels} channels" };
        var gain = LoudnessMatch.GainDb(r.IntegratedLufs, target);
        o.WriteLine(string.Create(c, $"File:            {Path.GetFullPath(path)}"));
        o.WriteLine(string.Create(c, $"Format:          {r.Codec}, {r.SampleRate} Hz, {layout}"));
        o.WriteLine(string.Create(c, $"Duration:        {r.DurationSeconds:F3} s ({TimeSpan.FromMilliseconds(Math.Round(r.DurationSeconds * 1000)):hh\\:mm\\:ss\\.fff}), {r.Frames} frames"));
        o.WriteLine(string.Create(c, $"Loudness:        {r.IntegratedLufs:F1} LUFS integrated (ITU-R BS.1770-4)"));
        o.WriteLine(string.Create(c, $"True peak:       {r.TruePeakDbtp:+0.0;-0.0} dBTP"));
        o.WriteLine(string.Create(c, $"Sample peak:     {r.SamplePeakDbfs:+0.0;-0.0} dBFS, {r.ClippedSamples} clipped samples"));
        o.WriteLine(string.Create(c, $"Silence:         {r.LeadingSilenceSeconds:F2} s at the start, {r.TrailingSilenceSeconds:F2} s at the end (below -60 dBFS)"));
        o.WriteLine(target.Enabled
            ? string.Create(c, $"At playout:      {gain:+0.0;-0.0} dB to reach {target.TargetLufs:F1} LUFS, limited to {target.TruePeakCeilingDbtp:F1} dBTP")
            : "At playout:      loudness matching is off; played as is");
        if (r.Warnings.Count == 0) o.WriteLine("Warnings:        none");
        else foreach (var (w, i) in r.Warnings.Select((w, i) => (w, i))) o.WriteLine((i == 0 ? "Warnings:        " : "                 ") + w);
    }
}
