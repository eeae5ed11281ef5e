using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Finds where the MPEG audio lies between leading ID3v2 tags and trailing ID3v1/APE tags.</summary>
internal static class Mp3Tags
{
    /// <summary>Offset just past any ID3v2 tags at <paramref name="start"/> (syncsafe size, footer flag honoured).</summary>
    public static long SkipId3v2(Stream stream, long start, long fileLength)
    {
        Span<byte> h = stackalloc byte[10];
        var pos = start;
        while (pos + 10 <= fileLength)
        {
            stream.Position = pos;
            stream.ReadExactly(h);
            if (!h[..3].SequenceEqual("ID3"u8) || h[3] == 0xFF || h[4] == 0xFF || ((h[6] | h[7] | h[8] | h[9]) & 0x80) != 0)
                break;
            var size = (h[6] << 21) | (h[7] << 14) | (h[8] << 7) | h[9];
            var footer = (h[5] & 0x10) != 0 ? 10 : 0;
            pos = Math.Min(fileLength, pos + 10 + size + footer);
        }

        return pos;
    }

    /// <summary>Offset where trailing tags (ID3v1, APEv1/v2, in either order) begin, or <paramref name="fileLength"/>.</summary>
    public static long FindAudioEnd(Stream stream, long audioStart, long fileLength)
    {
        var end = fileLength;
        Span<byte> buf = stackalloc byte[32];
        for (var round = 0; round < 3; round++)
        {
            if (end - audioStart >= 128 && ReadAt(stream, end - 128, buf[..3]) && buf[..3].SequenceEqual("TAG"u8))
            {
                end -= 128;
                continue;
            }

            if (end - audioStart >= 32 && ReadAt(stream, end - 32, buf) && buf[..8].SequenceEqual("APETAGEX"u8))
            {
                var size = BinaryPrimitives.ReadUInt32LittleEndian(buf[12..]);
                var hasHeader = (BinaryPrimitives.ReadUInt32LittleEndian(buf[20..]) & 0x80000000) != 0;
                var total = size + (hasHeader ? 32L : 0);
                if (total < 32 || total > end - audioStart) break;
                end -= total;
                continue;
            }

            break;
        }

        return end;
    }

    private static bool ReadAt(Stream stream, long pos, Span<byte> into)
    {
        stream.Position = pos;
        stream.ReadExactly(into);
        return true;
    }
}
