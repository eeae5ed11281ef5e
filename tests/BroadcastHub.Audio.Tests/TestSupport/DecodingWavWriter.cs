using Xunit;
using System.Buffers.Binary;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Sample encodings the test WAV writer can produce.</summary>
public enum TestWavEncoding
{
    /// <summary>8-bit unsigned PCM.</summary>
    U8,
    /// <summary>16-bit PCM.</summary>
    S16,
    /// <summary>24-bit PCM.</summary>
    S24,
    /// <summary>32-bit PCM.</summary>
    S32,
    /// <summary>32-bit IEEE float.</summary>
    F32,
    /// <summary>64-bit IEEE float.</summary>
    F64,
}

/// <summary>Options shaping the chunk layout of a synthesised WAV.</summary>
/// <param name="Extensible">Write WAVE_FORMAT_EXTENSIBLE instead of a plain fmt chunk.</param>
/// <param name="ListBeforeFmt">Put a LIST/INFO chunk before fmt.</param>
/// <param name="OddChunkBeforeData">Put an odd-sized unknown chunk (with its pad byte) between fmt and data.</param>
/// <param name="ClaimedDataBytes">Override the data chunk's size field (e.g. 0xFFFFFFFF).</param>
public sealed record TestWavOptions(
    bool Extensible = false, bool ListBeforeFmt = false, bool OddChunkBeforeData = false, uint? ClaimedDataBytes = null);

/// <summary>Writes WAV files from interleaved float samples for decoder and analyser tests.</summary>
public static class DecodingWavWriter
{
    /// <summary>Writes <paramref name="samples"/> (interleaved, [-1, 1]) to a new temp file and returns its path.</summary>
    public static string WriteTemp(float[] samples, int rate, int channels, TestWavEncoding encoding, TestWavOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bh-test-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, Build(samples, rate, channels, encoding, options ?? new TestWavOptions()));
        return path;
    }

    /// <summary>Builds the bytes of a WAV file.</summary>
    public static byte[] Build(float[] samples, int rate, int channels, TestWavEncoding encoding, TestWavOptions o)
    {
        var width = encoding switch { TestWavEncoding.U8 => 1, TestWavEncoding.S16 => 2, TestWavEncoding.S24 => 3, TestWavEncoding.F64 => 8, _ => 4 };
        var isFloat = encoding is TestWavEncoding.F32 or TestWavEncoding.F64;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(0);
        w.Write("WAVE"u8);
        if (o.ListBeforeFmt) Chunk(w, "LIST", [.. "INFOINAM"u8, 6, 0, 0, 0, .. "Test\0\0"u8]);
        Chunk(w, "fmt ", Fmt(rate, channels, width, isFloat, o.Extensible));
        if (o.OddChunkBeforeData) Chunk(w, "junk", [1, 2, 3, 4, 5]);
        var data = new byte[samples.Length * width];
        for (var i = 0; i < samples.Length; i++) Encode(samples[i], encoding, data.AsSpan(i * width));
        w.Write("data"u8);
        w.Write(o.ClaimedDataBytes ?? (uint)data.Length);
        w.Write(data);
        if ((data.Length & 1) == 1) w.Write((byte)0);
        w.Flush();
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    /// <summary>The value a sample reads back as after quantisation to <paramref name="encoding"/>.</summary>
    public static float Quantise(float x, TestWavEncoding encoding)
    {
        Span<byte> b = stackalloc byte[8];
        Encode(x, encoding, b);
        return encoding switch
        {
            TestWavEncoding.U8 => (b[0] - 128) / 128f,
            TestWavEncoding.S16 => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768f,
            TestWavEncoding.S24 => (b[0] | (b[1] << 8) | ((sbyte)b[2] << 16)) / 8388608f,
            TestWavEncoding.S32 => (float)(BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648.0),
            TestWavEncoding.F32 => x,
            _ => x,
        };
    }

    private static void Encode(float x, TestWavEncoding e, Span<byte> dest)
    {
        static long Q(double x, long full) => (long)Math.Clamp(Math.Round(x * full), -full, full - 1);
        switch (e)
        {
            case TestWavEncoding.U8: dest[0] = (byte)(Q(x, 128) + 128); break;
            case TestWavEncoding.S16: BinaryPrimitives.WriteInt16LittleEndian(dest, (short)Q(x, 32768)); break;
            case TestWavEncoding.S24:
                var v = (int)Q(x, 8388608);
                (dest[0], dest[1], dest[2]) = ((byte)v, (byte)(v >> 8), (byte)(v >> 16));
                break;
            case TestWavEncoding.S32: BinaryPrimitives.WriteInt32LittleEndian(dest, (int)Q(x, 2147483648)); break;
            case TestWavEncoding.F32: BinaryPrimitives.WriteSingleLittleEndian(dest, x); break;
            default: BinaryPrimitives.WriteDoubleLittleEndian(dest, x); break;
        }
    }

    private static byte[] Fmt(int rate, int channels, int width, bool isFloat, bool extensible)
    {
        var fmt = new byte[extensible ? 40 : 16];
        var s = fmt.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)(extensible ? 0xFFFE : isFloat ? 3 : 1));
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], rate);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], rate * channels * width);
        BinaryPrimitives.WriteUInt16LittleEndian(s[12..], (ushort)(channels * width));
        BinaryPrimitives.WriteUInt16LittleEndian(s[14..], (ushort)(8 * width));
        if (!extensible) return fmt;
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 22);
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], (ushort)(8 * width));
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], channels == 2 ? 3u : 0u);
        new Guid($"0000000{(isFloat ? 3 : 1)}-0000-0010-8000-00aa00389b71").TryWriteBytes(s[24..]);
        return fmt;
    }

    private static void Chunk(BinaryWriter w, string id, byte[] body)
    {
        w.Write(System.Text.Encoding.ASCII.GetBytes(id));
        w.Write(body.Length);
        w.Write(body);
        if ((body.Length & 1) == 1) w.Write((byte)0);
    }
}
