using System.Buffers.Binary;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Byte-exact forged audio files whose headers claim absurd formats or sizes.</summary>
public static class HostileAudioFiles
{
    /// <summary>A WAV whose fmt chunk says exactly what is given; <paramref name="dataBytes"/> of silence follow.</summary>
    public static byte[] Wav(int channels, int rate, int blockAlign, int bits, int dataBytes, ushort tag = 1,
        uint? fmtSize = null)
    {
        var bytes = new byte[12 + 8 + 16 + 8 + dataBytes];
        var s = bytes.AsSpan();
        "RIFF"u8.CopyTo(s);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(s[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], fmtSize ?? 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(s[24..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], rate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(s[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(s[34..], (ushort)bits);
        "data"u8.CopyTo(s[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(s[40..], dataBytes);
        return bytes;
    }

    /// <summary>
    /// The Vorbis fixture with its three header packets passed through <paramref name="edit"/> (index 0:
    /// identification, 1: comment, 2: setup) and its pages re-laced, renumbered and re-checksummed, so any
    /// decoder reads the forged headers as genuine.
    /// </summary>
    public static byte[] Vorbis(Func<int, byte[], byte[]> edit)
    {
        var pages = OggTestPages.Split(File.ReadAllBytes(DecodingFixtures.PathOf("bulletin-vi-mono-44k-vorbis.ogg")));
        var headers = OggTestPages.HeaderPackets(pages, out var firstAudioPage);
        var serial = pages[0].Serial;
        var output = OggTestPages.Pages(2, serial, 0, [edit(0, headers[0])]);
        output.AddRange(OggTestPages.Pages(0, serial, 1, [edit(1, headers[1]), edit(2, headers[2])]));
        for (var i = firstAudioPage; i < pages.Count; i++)
            output.Add(OggTestPages.Renumber(pages[i].Bytes, output.Count));
        return output.SelectMany(p => p).ToArray();
    }

    /// <summary>A copy of <paramref name="packet"/> with a little-endian 32-bit value written at <paramref name="offset"/>.</summary>
    public static byte[] WithUInt32(byte[] packet, int offset, uint value)
    {
        var copy = (byte[])packet.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>A copy of <paramref name="packet"/> with one byte replaced.</summary>
    public static byte[] WithByte(byte[] packet, int offset, byte value)
    {
        var copy = (byte[])packet.Clone();
        copy[offset] = value;
        return copy;
    }
}
