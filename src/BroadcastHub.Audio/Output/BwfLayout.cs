using System.Buffers.Binary;
using System.Text;
using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// Writes the Broadcast Wave layout <c>RIFF/WAVE [bext] [fmt ] [data]</c> (EBU Tech 3285 v1, PCM 16-bit)
/// and patches its sizes. All numbers are little-endian.
/// </summary>
public static class BwfLayout
{
    /// <summary>Size of the fixed part of a version-1 <c>bext</c> chunk body.</summary>
    public const int BextFixedSize = 602;

    /// <summary>Offset of the <c>bext</c> chunk body in the file.</summary>
    public const int BextBodyOffset = 20;

    /// <summary>Writes the whole header (data size 0) and returns the offset where sample data begins.</summary>
    /// <param name="stream">Seekable stream positioned anywhere; it is written from offset 0.</param>
    /// <param name="format">16-bit PCM format.</param>
    /// <param name="bext">The bext fields.</param>
    public static int WriteHeader(Stream stream, WaveFormat format, BextFields bext)
    {
        var bextBody = BextBody(bext);
        var header = new byte[12 + 8 + bextBody.Length + 8 + 16 + 8];
        var s = header.AsSpan();
        Ascii(s, 0, "RIFF");
        Ascii(s, 8, "WAVE");
        Ascii(s, 12, "bext");
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], (uint)bextBody.Length);
        bextBody.CopyTo(s[BextBodyOffset..]);
        var fmt = BextBodyOffset + bextBody.Length;
        Ascii(s, fmt, "fmt ");
        BinaryPrimitives.WriteUInt32LittleEndian(s[(fmt + 4)..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(fmt + 8)..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(fmt + 10)..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(fmt + 12)..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(fmt + 16)..], (uint)(format.SampleRate * format.Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(s[(fmt + 20)..], (ushort)(format.Channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(s[(fmt + 22)..], 16);
        Ascii(s, fmt + 24, "data");
        stream.Position = 0;
        stream.Write(header);
        PatchSizes(stream, header.Length, 0);
        return header.Length;
    }

    /// <summary>Rewrites the <c>bext</c> body in place (its length must not change).</summary>
    /// <param name="stream">The stream written by <see cref="WriteHeader"/>.</param>
    /// <param name="bext">The fields, e.g. now that the first sample's instant is known.</param>
    public static void RewriteBext(Stream stream, BextFields bext)
    {
        var position = stream.Position;
        stream.Position = BextBodyOffset;
        stream.Write(BextBody(bext));
        stream.Position = position;
    }

    /// <summary>Patches the RIFF and data sizes for <paramref name="dataBytes"/> bytes of samples.</summary>
    /// <param name="stream">The stream written by <see cref="WriteHeader"/>.</param>
    /// <param name="dataOffset">Value returned by <see cref="WriteHeader"/>.</param>
    /// <param name="dataBytes">Bytes of sample data written so far.</param>
    public static void PatchSizes(Stream stream, int dataOffset, long dataBytes)
    {
        var position = stream.Position;
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)Math.Min(uint.MaxValue, dataOffset - 8 + dataBytes));
        stream.Position = 4;
        stream.Write(size);
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)Math.Min(uint.MaxValue, dataBytes));
        stream.Position = dataOffset - 4;
        stream.Write(size);
        stream.Position = position;
    }

    private static byte[] BextBody(BextFields b)
    {
        var history = Encoding.ASCII.GetBytes(b.CodingHistory);
        var body = new byte[(BextFixedSize + history.Length + 1) & ~1];
        var s = body.AsSpan();
        Ascii(s, 0, b.Description, 256);
        Ascii(s, 256, b.Originator, 32);
        Ascii(s, 288, b.OriginatorReference, 32);
        Ascii(s, 320, b.OriginationDate, 10);
        Ascii(s, 330, b.OriginationTime, 8);
        BinaryPrimitives.WriteUInt64LittleEndian(s[338..], b.TimeReference);
        BinaryPrimitives.WriteUInt16LittleEndian(s[346..], 1);
        history.CopyTo(s[BextFixedSize..]);
        return body;
    }

    private static void Ascii(Span<byte> target, int offset, string text, int max = int.MaxValue) =>
        Encoding.ASCII.GetBytes(text.Length > max ? text[..max] : text, target[offset..]);
}
