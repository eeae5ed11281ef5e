using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Parses a WAV <c>fmt </c> chunk (plain PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE).</summary>
internal static class WavFormatChunk
{
    private const ushort Pcm = 1, IeeeFloat = 3, Extensible = 0xFFFE;
    private const int MaxContainerBytes = 8;
    private static readonly byte[] GuidTail = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Returns encoding, rate, channels and block size, or throws <see cref="AudioRejectedException"/>.</summary>
    public static (WavSampleEncoding Encoding, int Rate, int Channels, int BlockAlign) Parse(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16) throw Reject("its fmt chunk is shorter than 16 bytes");
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == Extensible)
        {
            if (fmt.Length < 40) throw Reject("its WAVE_FORMAT_EXTENSIBLE fmt chunk is shorter than 40 bytes");
            var sub = fmt.Slice(24, 16);
            if (!sub[4..].SequenceEqual(GuidTail) || sub[2] != 0 || sub[3] != 0)
                throw Reject("it uses an unknown WAVE_FORMAT_EXTENSIBLE sub-format");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(sub);
        }

        if (tag is not (Pcm or IeeeFloat)) throw Reject($"it is encoded as {Describe(tag)}, not PCM or float");
        if (channels == 0) throw Reject("its header declares 0 channels");
        AudioLimits.CheckChannels("WAV", channels);
        AudioLimits.CheckSampleRate("WAV", rate);
        if (blockAlign == 0 || blockAlign % channels != 0 || blockAlign / channels > MaxContainerBytes)
            throw Reject(AudioErrorCodes.InvalidBlockAlign,
                $"its block size ({blockAlign} bytes) does not fit {channels} channel(s) of at most {MaxContainerBytes} bytes each");
        var container = blockAlign / channels;
        if (bits == 0 || bits > container * 8)
            throw Reject(AudioErrorCodes.InvalidBitsPerSample, $"it declares {bits}-bit samples in {container}-byte containers");
        var encoding = (tag, container) switch
        {
            (Pcm, 1) => WavSampleEncoding.UInt8,
            (Pcm, 2) => WavSampleEncoding.Int16,
            (Pcm, 3) => WavSampleEncoding.Int24,
            (Pcm, 4) => WavSampleEncoding.Int32,
            (IeeeFloat, 4) => WavSampleEncoding.Float32,
            (IeeeFloat, 8) => WavSampleEncoding.Float64,
            _ => throw Reject($"{bits}-bit samples in {container}-byte containers are not supported"),
        };
        return (encoding, rate, channels, blockAlign);
    }

    private static string Describe(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "µ-law",
        0x11 => "IMA ADPCM",
        0x31 => "GSM 6.10",
        0x50 => "MPEG audio",
        0x55 => "MP3 inside a WAV container",
        0xFF or 0x1610 => "AAC",
        _ => $"format tag 0x{tag:X4}",
    };

    private static AudioRejectedException Reject(string why) => Reject(AudioErrorCodes.UnsupportedWavEncoding, why);

    private static AudioRejectedException Reject(string code, string why) => new(
        code, $"The WAV file cannot be decoded: {why}. Re-export it as PCM (16/24-bit) or 32-bit float WAV, or as MP3.");
}
