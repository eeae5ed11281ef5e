using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>The header of one Ogg page (RFC 3533) found in a buffer, with its total length.</summary>
internal readonly record struct OggPage(int Offset, byte HeaderType, long GranulePosition, uint Serial, int Length, int HeaderLength)
{
    /// <summary>Header-type flag of the last page of a logical stream.</summary>
    public bool IsEndOfStream => (HeaderType & 0x04) != 0;

    /// <summary>Parses the page at <paramref name="offset"/>; null when the bytes there are not a whole, valid page.</summary>
    public static OggPage? Parse(ReadOnlySpan<byte> buffer, int offset, bool checkCrc)
    {
        if (offset < 0 || buffer.Length - offset < 27) return null;
        var page = buffer[offset..];
        if (!page[..4].SequenceEqual("OggS"u8) || page[4] != 0) return null;
        int segments = page[26];
        var headerLength = 27 + segments;
        if (page.Length < headerLength) return null;
        var length = headerLength;
        foreach (var lace in page.Slice(27, segments)) length += lace;
        if (page.Length < length) return null;
        if (checkCrc && Crc(page[..length]) != BinaryPrimitives.ReadUInt32LittleEndian(page[22..26])) return null;
        return new OggPage(offset, page[5], BinaryPrimitives.ReadInt64LittleEndian(page[6..14]),
            BinaryPrimitives.ReadUInt32LittleEndian(page[14..18]), length, headerLength);
    }

    private static readonly uint[] Table = BuildTable();

    private static uint Crc(ReadOnlySpan<byte> page)
    {
        uint crc = 0;
        for (var i = 0; i < page.Length; i++)
        {
            var b = i is >= 22 and < 26 ? (byte)0 : page[i];
            crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            table[i] = r;
        }
        return table;
    }
}
