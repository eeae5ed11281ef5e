using System.Text.Encodings.Web;
using System.Text.Json;
using BroadcastHub.Audio.Analysis;
using BroadcastHub.Audio.Loudness;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>JSON as the verbs print it: one camelCase object on one line, UTF-8 text unescaped.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

/// <summary>A refused file or failed verb, for <c>--json</c>.</summary>
internal sealed record CliError(string File, string Error, string Message);

/// <summary>What <c>analyze --json</c> prints.</summary>
internal sealed record AnalyzeReport(
    string File, string Codec, int SampleRate, int Channels, long Frames, double DurationSeconds,
    double IntegratedLufs, double TruePeakDbtp, double SamplePeakDbfs, long ClippedSamples,
    double LeadingSilenceSeconds, double TrailingSilenceSeconds, IReadOnlyList<string> Warnings, PlayoutGain Playout)
{
    public static AnalyzeReport From(string path, AudioAnalysis r, LoudnessTarget target) => new(
        Path.GetFullPath(path), r.Codec, r.SampleRate, r.Channels, r.Frames, r.DurationSeconds, r.IntegratedLufs,
        r.TruePeakDbtp, r.SamplePeakDbfs, r.ClippedSamples, r.LeadingSilenceSeconds, r.TrailingSilenceSeconds, r.Warnings,
        new PlayoutGain(target.Enabled, target.TargetLufs, target.TruePeakCeilingDbtp, LoudnessMatch.GainDb(r.IntegratedLufs, target)));
}

/// <summary>The gain playout would apply to the file with the configured loudness target.</summary>
internal sealed record PlayoutGain(bool Enabled, double TargetLufs, double TruePeakCeilingDbtp, double GainDb);
