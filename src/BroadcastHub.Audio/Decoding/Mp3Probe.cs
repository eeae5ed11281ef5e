namespace BroadcastHub.Audio.Decoding;

/// <summary>Finds the first MPEG audio frame of a stream: one followed by at least two compatible frames.</summary>
internal static class Mp3Probe
{
    private const int SearchWindow = 64 * 1024;
    private const int MaxFrameBytes = 2881 * 3;

    /// <summary>Offset and header of the first frame at or after <paramref name="start"/>, or null.</summary>
    public static (long Offset, Mp3FrameHeader Header)? FindFirstFrame(Stream stream, long start, long end)
    {
        var length = (int)Math.Min(end - start, SearchWindow + MaxFrameBytes);
        if (length < 4) return null;
        var buf = new byte[length];
        stream.Position = start;
        stream.ReadExactly(buf);
        var reachesEnd = start + length == end;
        for (var q = 0; q <= Math.Min(SearchWindow, length - 4); q++)
        {
            if (buf[q] != 0xFF || !Mp3FrameHeader.TryParse(buf.AsSpan(q), out var first)) continue;
            if (IsChain(buf, q, first, reachesEnd)) return (start + q, first);
        }

        return null;
    }

    private static bool IsChain(byte[] buf, int q, in Mp3FrameHeader first, bool reachesEnd)
    {
        var pos = q + first.FrameLength;
        for (var i = 1; i < 3; i++)
        {
            if (reachesEnd && pos == buf.Length) return true;
            if (pos + 4 > buf.Length || !Mp3FrameHeader.TryParse(buf.AsSpan(pos), out var next) || !next.IsCompatible(first))
                return false;
            pos += next.FrameLength;
        }

        return true;
    }
}
