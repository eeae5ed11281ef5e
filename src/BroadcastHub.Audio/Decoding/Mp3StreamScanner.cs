using static BroadcastHub.Audio.Decoding.MessageText;
namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Walks every frame header of an MP3 stream once (no decoding) to count frames exactly, read the gapless
/// figures of its Xing/Info/LAME tag and refuse streams that were cut off.
/// </summary>
internal static class Mp3StreamScanner
{
    /// <summary>LAME/ffmpeg decoder delay added to the encoder delay when trimming.</summary>
    public const int DecoderDelay = 529;

    /// <summary>Scans the stream starting at the already-validated first frame.</summary>
    public static Mp3StreamInfo Scan(Stream stream, long firstFrame, long audioEnd, Mp3FrameHeader reference)
    {
        var walker = new Mp3FrameWalker(stream, firstFrame, audioEnd, reference);
        if (!walker.MoveNext())
            throw new AudioRejectedException(AudioErrorCodes.NoAudio, "The MP3 file contains no complete audio frame.");
        var tag = Mp3InfoTag.TryParse(walker.Frame, walker.Header);
        long frames = tag is null ? 1 : 0;
        while (walker.MoveNext()) frames++;

        var declared = tag?.Frames;
        if (walker.CutFrameOffset is { } cut)
        {
            var (present, needed) = walker.CutFrame;
            throw Truncated(declared > frames
                ? $"The MP3 declares {N(declared)} frames but only {N(frames)} are present"
                : $"The MP3's last frame (at byte {N(cut)}) is cut off: {N(present)} of its {N(needed)} bytes are present");
        }

        if (declared > frames && walker.Skipped.Count == 0)
            throw Truncated($"The MP3 declares {N(declared)} frames but only {N(frames)} are present");

        var warnings = DescribeDamage(walker, audioEnd);
        if (declared is { } n && n != frames)
            warnings.Add($"The MP3's {tag!.Kind} header declares {N(n)} frames but {N(frames)} are present; " +
                         "all present frames are used.");

        var spf = reference.SamplesPerFrame;
        long skip = 0, total = frames * spf;
        if (tag is { HasGaplessInfo: true })
        {
            var trimmedTotal = frames * spf - tag.EncoderDelay!.Value - tag.Padding!.Value;
            skip = tag.EncoderDelay.Value + DecoderDelay;
            total = Math.Max(0, Math.Min(trimmedTotal, frames * spf - skip));
        }

        if (total == 0)
            throw new AudioRejectedException(AudioErrorCodes.NoAudio, "The MP3 file contains no audio samples.");
        return new Mp3StreamInfo(firstFrame, audioEnd, reference, tag is not null, frames, skip, total, warnings);
    }

    private static List<string> DescribeDamage(Mp3FrameWalker walker, long audioEnd)
    {
        var warnings = new List<string>();
        foreach (var (offset, length) in walker.Skipped.Take(5))
            warnings.Add($"Skipped {N(length)} bytes of damaged or foreign data at byte {N(offset)} and resynchronised; " +
                         "a short glitch or gap may be audible there.");
        if (walker.Skipped.Count > 5)
            warnings.Add($"...and {N(walker.Skipped.Count - 5)} more damaged regions " +
                         $"({N(walker.Skipped.Skip(5).Sum(s => s.Length))} bytes).");
        if (walker.TrailingJunk > 0)
            warnings.Add($"Ignored {N(walker.TrailingJunk)} bytes of non-audio data at the end of the stream " +
                         $"(before byte {N(audioEnd)}).");
        return warnings;
    }

    private static AudioRejectedException Truncated(string why) => new(AudioErrorCodes.TruncatedMp3,
        $"{why} — the upload was probably interrupted. Upload the complete file again.");
}
