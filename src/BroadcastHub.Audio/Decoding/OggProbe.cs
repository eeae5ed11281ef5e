using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>What an Ogg Vorbis file declares: format from the identification header, exact length from the last page.</summary>
internal sealed record OggVorbisInfo(int SampleRate, int Channels, long Frames);

/// <summary>Identifies the codec inside an Ogg file and checks that the stream is complete, without decoding it.</summary>
internal static class OggProbe
{
    private const int MaxPage = 27 + 255 + (255 * 255);
    private const int MinBlockExponent = 6, MaxBlockExponent = 13;

    /// <summary>Reads the first and last pages. Throws <see cref="AudioRejectedException"/> for other codecs,
    /// damaged headers and truncated streams.</summary>
    public static OggVorbisInfo Read(Stream stream, byte[] head, long length)
    {
        if (OggPage.Parse(head, 0, checkCrc: false) is not { } first)
            throw Corrupt("its first Ogg page is damaged");
        var packet = head.AsSpan(first.HeaderLength, first.Length - first.HeaderLength);
        if (!packet.StartsWith("\u0001vorbis"u8)) throw ForeignFormats.Unsupported(Codec(packet));
        if (packet.Length < 30 || BinaryPrimitives.ReadUInt32LittleEndian(packet[7..11]) != 0 || packet[11] == 0)
            throw Corrupt("its Vorbis identification header is damaged");
        AudioLimits.CheckChannels("Ogg Vorbis", packet[11]);
        AudioLimits.CheckSampleRate("Ogg Vorbis", BinaryPrimitives.ReadUInt32LittleEndian(packet[12..16]));
        var rate = BinaryPrimitives.ReadInt32LittleEndian(packet[12..16]);
        CheckBlockSizes(packet[28], packet[29]);
        VorbisHeaderPackets.Check(stream, first.Length, length);
        var last = LastPage(stream, length)
            ?? throw Truncated("it does not end with a whole Ogg page");
        if (last.Serial != first.Serial)
            throw ForeignFormats.Unsupported("a chained Ogg file (several streams one after another)");
        if (!last.IsEndOfStream || last.GranulePosition <= 0)
            throw Truncated("its last Ogg page is not the end of the stream");
        stream.Position = 0;
        return new OggVorbisInfo(rate, packet[11], last.GranulePosition);
    }

    private static void CheckBlockSizes(byte sizes, byte framing)
    {
        int small = sizes & 0x0F, large = sizes >> 4;
        if (small is < MinBlockExponent or > MaxBlockExponent || large is < MinBlockExponent or > MaxBlockExponent || small > large)
            throw new AudioRejectedException(AudioErrorCodes.InvalidVorbisHeader,
                $"The Ogg Vorbis file is damaged or forged: its block sizes are {1 << small} and {1 << large} samples; " +
                "Vorbis allows powers of two from 64 to 8,192, the short one no larger than the long one. Export it again.");
        if ((framing & 1) == 0)
            throw new AudioRejectedException(AudioErrorCodes.InvalidVorbisHeader,
                "The Ogg Vorbis file is damaged or forged: its identification header has no framing bit. Export it again.");
    }

    private static OggPage? LastPage(Stream stream, long length)
    {
        var size = (int)Math.Min(length, MaxPage);
        var tail = new byte[size];
        stream.Position = length - size;
        stream.ReadExactly(tail);
        for (var i = tail.AsSpan().LastIndexOf("OggS"u8); i >= 0; i = tail.AsSpan(0, i).LastIndexOf("OggS"u8))
        {
            if (OggPage.Parse(tail, i, checkCrc: true) is { } page && page.Offset + page.Length == size) return page;
        }
        return null;
    }

    private static string Codec(ReadOnlySpan<byte> packet) =>
        packet.StartsWith("OpusHead"u8) ? "Opus audio in an Ogg container"
        : packet.StartsWith("\u007FFLAC"u8) ? "FLAC audio in an Ogg container"
        : packet.StartsWith("Speex   "u8) ? "Speex audio in an Ogg container"
        : packet.Length > 7 && packet[0] == 0x80 && packet[1..7].SequenceEqual("theora"u8) ? "Theora video in an Ogg container"
        : "an Ogg file with a codec other than Vorbis";

    private static AudioRejectedException Corrupt(string why) =>
        new(AudioErrorCodes.CorruptAudio, $"The Ogg Vorbis file is damaged: {why}. Export it again.");

    private static AudioRejectedException Truncated(string why) =>
        new(AudioErrorCodes.TruncatedOgg,
            $"The Ogg Vorbis file is cut short (an interrupted upload?): {why}, so it would air cut off. Upload the complete file again.");
}
