namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>Whether an Ogg file ends with its stream's last page (ffmpeg decodes a cut Ogg Opus without a word).</summary>
internal static class OggStreamEnd
{
    private const int MaxPage = 27 + 255 + (255 * 255);

    /// <summary>True when the file's last whole page carries the end-of-stream flag and ends the file.</summary>
    public static bool IsComplete(string path)
    {
        using var stream = File.OpenRead(path);
        var size = (int)Math.Min(stream.Length, MaxPage);
        var tail = new byte[size];
        stream.Position = stream.Length - size;
        stream.ReadExactly(tail);
        for (var i = tail.AsSpan().LastIndexOf("OggS"u8); i >= 0; i = tail.AsSpan(0, i).LastIndexOf("OggS"u8))
            if (OggPage.Parse(tail, i, checkCrc: true) is { } page && page.Offset + page.Length == size)
                return page.IsEndOfStream && page.GranulePosition > 0;
        return false;
    }
}
