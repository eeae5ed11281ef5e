namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>Recognises, by their leading bytes, the containers that are read through ffmpeg.</summary>
public static class FfmpegFormats
{
    /// <summary>The container <paramref name="head"/> starts with, or null when it is not one ffmpeg reads for us
    /// (WAV, MP3 and Ogg Vorbis stay on the managed decoders).</summary>
    public static FfmpegContainer? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return FfmpegContainer.Mp4;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return FfmpegContainer.Matroska;
        if (head.StartsWith("fLaC"u8)) return FfmpegContainer.Flac;
        if (head.StartsWith("#!AMR"u8)) return FfmpegContainer.Amr;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75])) return FfmpegContainer.Asf;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("AVI "u8)) return FfmpegContainer.Avi;
        if (head.StartsWith("OggS"u8)) return OggCodec(head);
        if (head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0 && ((head[2] >> 2) & 0xF) < 13) return FfmpegContainer.Adts;
        return null;
    }

    private static FfmpegContainer? OggCodec(ReadOnlySpan<byte> head)
    {
        if (head.Length < 28) return null;
        var packet = head[(27 + head[26])..];
        return packet.StartsWith("OpusHead"u8) ? FfmpegContainer.OggOpus
            : packet.StartsWith("\u007FFLAC"u8) ? FfmpegContainer.OggFlac
            : null;
    }
}
