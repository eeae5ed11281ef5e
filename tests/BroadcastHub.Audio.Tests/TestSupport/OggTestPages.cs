using System.Buffers.Binary;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>One Ogg page of a test file.</summary>
public sealed record OggTestPage(byte[] Bytes, uint Serial, byte[] Lacing, int BodyOffset);

/// <summary>Splits, builds and renumbers Ogg pages (RFC 3533) for forging test files.</summary>
public static class OggTestPages
{
    /// <summary>The pages of a well-formed Ogg file.</summary>
    public static List<OggTestPage> Split(byte[] file)
    {
        var pages = new List<OggTestPage>();
        for (var at = 0; at < file.Length;)
        {
            int segments = file[at + 26];
            var lacing = file.AsSpan(at + 27, segments).ToArray();
            var length = 27 + segments + lacing.Sum(l => l);
            pages.Add(new OggTestPage(file[at..(at + length)], BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 14)),
                lacing, 27 + segments));
            at += length;
        }

        return pages;
    }

    /// <summary>The first three packets (the Vorbis headers) and the index of the page after them.</summary>
    public static List<byte[]> HeaderPackets(List<OggTestPage> pages, out int nextPage)
    {
        var packets = new List<byte[]>();
        var current = new List<byte>();
        for (nextPage = 0; packets.Count < 3; nextPage++)
        {
            var page = pages[nextPage];
            var at = page.BodyOffset;
            foreach (var lace in page.Lacing)
            {
                current.AddRange(page.Bytes.AsSpan(at, lace).ToArray());
                at += lace;
                if (lace == 255) continue;
                packets.Add([.. current]);
                current.Clear();
            }
        }

        return packets;
    }

    /// <summary>
    /// Pages (granule 0) carrying <paramref name="packets"/>, numbered from <paramref name="sequence"/>; a page holds at
    /// most 255 lacing values, so a large packet continues on the next page (flag 1).
    /// </summary>
    public static List<byte[]> Pages(byte headerType, uint serial, int sequence, byte[][] packets)
    {
        var laces = new List<(byte Lace, byte[] Packet, int Offset)>();
        foreach (var packet in packets)
        {
            for (int left = packet.Length, offset = 0; ; left -= 255, offset += 255)
            {
                laces.Add(((byte)Math.Min(left, 255), packet, offset));
                if (left < 255) break;
            }
        }

        var pages = new List<byte[]>();
        for (var first = 0; first < laces.Count; first += 255)
        {
            var chunk = laces.Skip(first).Take(255).ToList();
            var continued = first > 0 && laces[first - 1].Lace == 255;
            var page = new byte[27 + chunk.Count + chunk.Sum(l => l.Lace)];
            "OggS"u8.CopyTo(page);
            page[5] = (byte)(headerType | (continued ? 1 : 0));
            BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), serial);
            page[26] = (byte)chunk.Count;
            var at = 27 + chunk.Count;
            for (var i = 0; i < chunk.Count; i++)
            {
                page[27 + i] = chunk[i].Lace;
                chunk[i].Packet.AsSpan(chunk[i].Offset, chunk[i].Lace).CopyTo(page.AsSpan(at));
                at += chunk[i].Lace;
            }

            pages.Add(Renumber(page, sequence + pages.Count));
        }

        return pages;
    }

    /// <summary>A copy of <paramref name="page"/> with a new sequence number and a correct checksum.</summary>
    public static byte[] Renumber(byte[] page, int sequence)
    {
        var copy = (byte[])page.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(18), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(22), 0);
        uint crc = 0;
        foreach (var b in copy)
        {
            crc ^= (uint)b << 24;
            for (var k = 0; k < 8; k++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(22), crc);
        return copy;
    }
}
