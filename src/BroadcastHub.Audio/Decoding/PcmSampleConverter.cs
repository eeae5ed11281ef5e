using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Converts little-endian WAV sample bytes to floats in [-1, 1) (float input is passed through).</summary>
internal static class PcmSampleConverter
{
    /// <summary>Converts <c>dest.Length</c> samples from <paramref name="src"/>.</summary>
    public static void Convert(WavSampleEncoding encoding, ReadOnlySpan<byte> src, Span<float> dest)
    {
        switch (encoding)
        {
            case WavSampleEncoding.UInt8:
                for (var i = 0; i < dest.Length; i++) dest[i] = (src[i] - 128) * (1f / 128);
                break;
            case WavSampleEncoding.Int16:
                for (var i = 0; i < dest.Length; i++)
                    dest[i] = BinaryPrimitives.ReadInt16LittleEndian(src[(2 * i)..]) * (1f / 32768);
                break;
            case WavSampleEncoding.Int24:
                for (int i = 0, j = 0; i < dest.Length; i++, j += 3)
                    dest[i] = (src[j] | (src[j + 1] << 8) | ((sbyte)src[j + 2] << 16)) * (1f / 8388608);
                break;
            case WavSampleEncoding.Int32:
                for (var i = 0; i < dest.Length; i++)
                    dest[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(src[(4 * i)..]) * (1.0 / 2147483648));
                break;
            case WavSampleEncoding.Float32 when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, float>(src[..(4 * dest.Length)]).CopyTo(dest);
                break;
            case WavSampleEncoding.Float32:
                for (var i = 0; i < dest.Length; i++) dest[i] = BinaryPrimitives.ReadSingleLittleEndian(src[(4 * i)..]);
                break;
            default:
                for (var i = 0; i < dest.Length; i++) dest[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(src[(8 * i)..]);
                break;
        }
    }
}
