namespace BroadcastHub.Audio.Decoding;

/// <summary>Recognises well-known formats we do not accept, by their leading bytes.</summary>
internal static class ForeignFormats
{
    private static readonly (byte[] Magic, int Offset, string What, bool IsAudio)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], 0, "a PNG image", false),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image", false),
        ("GIF8"u8.ToArray(), 0, "a GIF image", false),
        ("%PDF"u8.ToArray(), 0, "a PDF document", false),
        ("PK\x03\x04"u8.ToArray(), 0, "a ZIP archive (or an Office document)", false),
        ("Rar!"u8.ToArray(), 0, "a RAR archive", false),
        ([0x37, 0x7A, 0xBC, 0xAF], 0, "a 7-Zip archive", false),
        ([0x1F, 0x8B], 0, "a gzip archive", false),
        ("ftyp"u8.ToArray(), 4, "an MP4/M4A/MOV file (AAC audio or video)", true),
        ([0x1A, 0x45, 0xDF, 0xA3], 0, "a Matroska/WebM file", true),
        ([0x30, 0x26, 0xB2, 0x75], 0, "a Windows Media (WMA/WMV) file", true),
        ("fLaC"u8.ToArray(), 0, "FLAC audio", true),
        ("ADIF"u8.ToArray(), 0, "AAC audio (ADIF)", true),
        ("#!AMR"u8.ToArray(), 0, "AMR audio", true),
        ("FORM"u8.ToArray(), 0, "an AIFF/IFF file", true),
        ("caff"u8.ToArray(), 0, "a Core Audio (CAF) file", true),
        ("wvpk"u8.ToArray(), 0, "WavPack audio", true),
        ("MAC "u8.ToArray(), 0, "Monkey's Audio (APE)", true),
        (".snd"u8.ToArray(), 0, "Sun/NeXT AU audio", true),
        ("MThd"u8.ToArray(), 0, "a MIDI file (notes, not recorded sound)", true),
        ("RIFX"u8.ToArray(), 0, "a big-endian (RIFX) WAV", true),
        ("RF64"u8.ToArray(), 0, "an RF64 WAV (the 64-bit variant for files over 4 GB)", true),
        ("BW64"u8.ToArray(), 0, "a BW64 WAV (the 64-bit variant for files over 4 GB)", true),
        ("II*\0"u8.ToArray(), 0, "a TIFF image", false),
        ("MM\0*"u8.ToArray(), 0, "a TIFF image", false),
    ];

    /// <summary>Describes the unsupported format <paramref name="head"/> starts with, or null.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, offset, what, _) in Signatures)
            if (head.Length >= offset + magic.Length && head.Slice(offset, magic.Length).SequenceEqual(magic))
                return what;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && !head[8..12].SequenceEqual("WAVE"u8))
            return head[8..12].SequenceEqual("AVI "u8) ? "an AVI video"
                : head[8..12].SequenceEqual("WEBP"u8) ? "a WebP image"
                : $"a RIFF file of type '{System.Text.Encoding.ASCII.GetString(head[8..12])}', not WAVE";
        if (head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0 && ((head[2] >> 2) & 0xF) < 13)
            return "AAC audio (ADTS)";
        return null;
    }

    /// <summary>Rejection for a recognised but unsupported format.</summary>
    public static AudioRejectedException Unsupported(string what) => new(AudioErrorCodes.UnsupportedFormat,
        $"The file is {what}, which is not accepted. {AcceptedFormats.Sentence}");

    /// <summary>Rejection for content we cannot identify; says whether it looks like text.</summary>
    public static AudioRejectedException Unrecognized(ReadOnlySpan<byte> head) => new(
        AudioErrorCodes.UnrecognizedFormat,
        (LooksLikeText(head)
            ? "The file is not audio: its content is text."
            : "The file's content is not a recognised audio format (the file name's extension is not trusted).")
        + $" {AcceptedFormats.Sentence}");

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var sample = head[..Math.Min(head.Length, 1024)];
        if (sample.IsEmpty) return false;
        var printable = 0;
        foreach (var b in sample)
            if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t' || b >= 0x80) printable++;
        return printable >= sample.Length * 0.95 && sample.IndexOf((byte)0) < 0 && sample.IndexOf((byte)0xFF) < 0;
    }
}
