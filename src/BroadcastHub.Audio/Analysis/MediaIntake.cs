using BroadcastHub.Audio.Decoding.Ffmpeg;

namespace BroadcastHub.Audio.Analysis;

/// <summary>What an upload's full decode measured, and whether a house copy had to be written for playout.</summary>
/// <param name="Analysis">The measurements; <see cref="AudioAnalysis.Codec"/> names the original's codec.</param>
/// <param name="HouseCopyWritten">True when the original needs ffmpeg and its decoded WAV was written to the house-copy path.</param>
public sealed record IntakeResult(AudioAnalysis Analysis, bool HouseCopyWritten);

/// <summary>
/// Validates and measures an upload in any accepted format: WAV, MP3 and Ogg Vorbis on the managed decoders; the
/// containers of <see cref="FfmpegFormats"/> decoded once by ffmpeg into a WAV house copy, which is then measured exactly
/// like an uploaded WAV (so loudness, true peak and silence come from the same meters).
/// </summary>
public static class MediaIntake
{
    /// <summary>
    /// Analyses <paramref name="path"/>; for an ffmpeg format also writes <paramref name="houseCopyPath"/> (removed again
    /// when the file is refused). Throws <see cref="Decoding.AudioRejectedException"/> like <see cref="AudioAnalyzer.Analyze"/>.
    /// </summary>
    public static IntakeResult Analyze(string path, string houseCopyPath, FfmpegDecoder ffmpeg, CancellationToken cancel = default)
    {
        if (Sniff(path) is not { } container) return new(AudioAnalyzer.Analyze(path, cancel), false);
        try
        {
            var codec = ffmpeg.DecodeToWav(path, container, houseCopyPath, cancel);
            var analysis = AudioAnalyzer.Analyze(houseCopyPath, cancel) with { Codec = codec };
            if (container == FfmpegContainer.Flac) FlacStreamInfo.CheckComplete(path, analysis.Frames);
            return new(analysis, true);
        }
        catch
        {
            File.Delete(houseCopyPath);
            throw;
        }
    }

    /// <summary>The ffmpeg container the file at <paramref name="path"/> starts with, or null for the managed formats.</summary>
    public static FfmpegContainer? Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[(int)Math.Min(stream.Length, 4096)];
        stream.ReadExactly(head);
        return FfmpegFormats.Sniff(head);
    }
}
