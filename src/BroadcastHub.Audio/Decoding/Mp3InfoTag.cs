using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// The Xing/Info (with optional LAME extension) or VBRI header held in the first frame of an MP3 stream.
/// <see cref="Frames"/> counts the audio frames after this one; delay and padding are the encoder's gapless figures.
/// </summary>
internal sealed record Mp3InfoTag(string Kind, long? Frames, int? EncoderDelay, int? Padding)
{
    /// <summary>True when delay/padding came from a LAME-style tag (LAME, or ffmpeg's Lavf/Lavc).</summary>
    public bool HasGaplessInfo => EncoderDelay is not null && Padding is not null;

    /// <summary>Parses the tag in <paramref name="frame"/> (whole first frame, header included), or returns null.</summary>
    public static Mp3InfoTag? TryParse(ReadOnlySpan<byte> frame, in Mp3FrameHeader header)
    {
        if (header.Layer != 3) return null;
        var x = 4 + (header.HasCrc ? 2 : 0) + header.SideInfoLength;
        if (frame.Length >= x + 8 && (frame.Slice(x, 4).SequenceEqual("Xing"u8) || frame.Slice(x, 4).SequenceEqual("Info"u8)))
            return ParseXing(frame, x);
        if (frame.Length >= 36 + 18 && frame.Slice(36, 4).SequenceEqual("VBRI"u8))
            return new Mp3InfoTag("VBRI", BinaryPrimitives.ReadUInt32BigEndian(frame[(36 + 14)..]), null, null);
        return null;
    }

    private static Mp3InfoTag ParseXing(ReadOnlySpan<byte> frame, int x)
    {
        var kind = System.Text.Encoding.ASCII.GetString(frame.Slice(x, 4));
        var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(x + 4)..]);
        var p = x + 8;
        long? frames = null;
        if ((flags & 1) != 0 && frame.Length >= p + 4)
        {
            frames = BinaryPrimitives.ReadUInt32BigEndian(frame[p..]);
            p += 4;
        }

        if ((flags & 2) != 0) p += 4;
        if ((flags & 4) != 0) p += 100;
        if ((flags & 8) != 0) p += 4;
        if (frame.Length < p + 24) return new Mp3InfoTag(kind, frames, null, null);
        var encoder = frame.Slice(p, 4);
        if (!encoder.SequenceEqual("LAME"u8) && !encoder.SequenceEqual("Lavf"u8) && !encoder.SequenceEqual("Lavc"u8))
            return new Mp3InfoTag(kind, frames, null, null);
        var d = frame.Slice(p + 21, 3);
        return new Mp3InfoTag(kind, frames, (d[0] << 4) | (d[1] >> 4), ((d[1] & 0x0F) << 8) | d[2]);
    }
}
