namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>
/// Decodes a whole file in a container only ffmpeg reads (<see cref="FfmpegFormats"/>) into a 32-bit float WAV at the
/// file's own rate and channels: the house copy that playout and analysis read with the managed WAV decoder. The demuxer
/// is forced and only local files may be opened, so a crafted file cannot make ffmpeg fetch anything else.
/// </summary>
public sealed class FfmpegDecoder(FfmpegTools tools, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(30);

    /// <summary>The tools this decoder runs.</summary>
    public FfmpegTools Tools => tools;

    /// <summary>
    /// Writes the decoded audio of <paramref name="input"/> to <paramref name="outputWav"/> and returns the codec's name
    /// in ffmpeg's spelling (<c>aac</c>, <c>opus</c>, <c>flac</c>, <c>amr_nb</c>…). Throws <see cref="AudioRejectedException"/>
    /// (<c>ffmpeg_missing</c>, <c>no_audio_track</c>, the container's <c>truncated_*</c> code) and leaves no output then.
    /// </summary>
    public string DecodeToWav(string input, FfmpegContainer container, string outputWav, CancellationToken cancel = default)
    {
        var (ffmpeg, ffprobe) = (tools.Ffmpeg, tools.Ffprobe);
        if (ffmpeg is null || ffprobe is null)
            throw new AudioRejectedException(FfmpegErrorCodes.FfmpegMissing,
                $"The file is {container.Description}; reading it needs ffmpeg, which is not installed on this server. " +
                $"Install the Debian package '{FfmpegTools.Package}' (apt-get install {FfmpegTools.Package}), or upload WAV, MP3 or Ogg Vorbis.");
        if (container.IsOgg && !OggStreamEnd.IsComplete(input))
            throw Damaged(container, "its last Ogg page is not the end of the stream");
        var codec = Probe(ffprobe, input, container, cancel);
        try
        {
            var run = FfmpegProcess.Run(ffmpeg,
            [
                "-nostdin", "-hide_banner", "-v", "error", "-protocol_whitelist", "file", "-f", container.Demuxer, "-i", input,
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1", "-c:a", "pcm_f32le", "-f", "wav", "-y", outputWav,
            ], _timeout, cancel);
            if (run.ExitCode != 0 || !string.IsNullOrWhiteSpace(run.StandardError))
                throw Damaged(container, FirstLine(run.StandardError) ?? $"ffmpeg exited with code {run.ExitCode}");
            return codec;
        }
        catch
        {
            File.Delete(outputWav);
            throw;
        }
    }

    private string Probe(string ffprobe, string input, FfmpegContainer container, CancellationToken cancel)
    {
        var run = FfmpegProcess.Run(ffprobe,
        [
            "-v", "error", "-protocol_whitelist", "file", "-f", container.Demuxer, "-select_streams", "a:0",
            "-show_entries", "stream=codec_name", "-of", "default=noprint_wrappers=1:nokey=1", input,
        ], _timeout, cancel);
        if (run.ExitCode != 0)
            throw Damaged(container, FirstLine(run.StandardError) ?? $"ffprobe exited with code {run.ExitCode}");
        var codec = FirstLine(run.StandardOutput);
        return codec ?? throw new AudioRejectedException(FfmpegErrorCodes.NoAudioTrack,
            $"The file is {container.Description} without any sound track.");
    }

    private static AudioRejectedException Damaged(FfmpegContainer container, string why) => new(container.TruncatedCode,
        $"The file is {container.Description} that is cut short or damaged (an interrupted upload?): {why}. Upload the complete file again.");

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
