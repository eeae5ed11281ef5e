namespace BroadcastHub.Audio.Decoding;

/// <summary>A parsed MPEG audio frame header (4 bytes). <see cref="Version"/> is 10, 20 or 25 (MPEG-1, 2, 2.5).</summary>
internal readonly record struct Mp3FrameHeader(
    int Version, int Layer, int BitrateIndex, int Bitrate, int SampleRateIndex, int SampleRate, bool Padding,
    int ChannelMode, int ModeExtension, bool HasCrc, bool Copyright, int FrameLength, int SamplesPerFrame)
{
    private static readonly int[][] Bitrates =
    [
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // V1 L1
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // V1 L2
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // V1 L3
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // V2 L1
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // V2 L2, L3
    ];

    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    /// <summary>1 for mono, 2 otherwise.</summary>
    public int Channels => ChannelMode == 3 ? 1 : 2;

    /// <summary>Length of the Layer III side information that follows the header (and CRC).</summary>
    public int SideInfoLength => Version == 10 ? (Channels == 1 ? 17 : 32) : (Channels == 1 ? 9 : 17);

    /// <summary>Human-readable name, e.g. <c>MPEG-2 Layer III</c>.</summary>
    public string Name => $"MPEG-{(Version == 25 ? "2.5" : (Version / 10).ToString())} Layer {new string('I', Layer)}";

    /// <summary>True when <paramref name="other"/> can belong to the same stream (version, layer, rate, channels).</summary>
    public bool IsCompatible(in Mp3FrameHeader other) =>
        Version == other.Version && Layer == other.Layer && SampleRate == other.SampleRate && Channels == other.Channels;

    /// <summary>Parses a header; false for anything invalid, reserved or free-format.</summary>
    public static bool TryParse(ReadOnlySpan<byte> b, out Mp3FrameHeader header)
    {
        header = default;
        if (b.Length < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
        var versionBits = (b[1] >> 3) & 3;
        var layerBits = (b[1] >> 1) & 3;
        var bitrateIndex = b[2] >> 4;
        var rateIndex = (b[2] >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex is 0 or 15 || rateIndex == 3 || (b[3] & 3) == 2)
            return false;
        var version = versionBits switch { 3 => 10, 2 => 20, _ => 25 };
        var layer = 4 - layerBits;
        var table = version == 10 ? layer - 1 : (layer == 1 ? 3 : 4);
        var bitrate = Bitrates[table][bitrateIndex] * 1000;
        var rate = Mpeg1Rates[rateIndex] / (version == 10 ? 1 : version == 20 ? 2 : 4);
        var padding = ((b[2] >> 1) & 1) == 1;
        var pad = padding ? 1 : 0;
        var (length, samples) = layer switch
        {
            1 => ((12 * bitrate / rate + pad) * 4, 384),
            2 => (144 * bitrate / rate + pad, 1152),
            _ when version == 10 => (144 * bitrate / rate + pad, 1152),
            _ => (72 * bitrate / rate + pad, 576),
        };
        header = new Mp3FrameHeader(version, layer, bitrateIndex, bitrate, rateIndex, rate, padding,
            b[3] >> 6, (b[3] >> 4) & 3, (b[1] & 1) == 0, ((b[3] >> 3) & 1) == 1, length, samples);
        return true;
    }
}
