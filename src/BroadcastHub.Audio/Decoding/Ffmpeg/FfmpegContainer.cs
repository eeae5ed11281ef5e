namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>
/// A container only ffmpeg reads here: the demuxer it is opened with (forced, never guessed from the content or a
/// name), the code a damaged or cut-short file is refused with, and how a technician calls it.
/// </summary>
/// <param name="Demuxer">ffmpeg's input format name, passed with <c>-f</c>.</param>
/// <param name="TruncatedCode">Error code for a damaged or incomplete file of this kind.</param>
/// <param name="Description">What the file is, for messages ("AAC audio in an MP4/M4A file").</param>
public sealed record FfmpegContainer(string Demuxer, string TruncatedCode, string Description)
{
    /// <summary>MP4/M4A/MOV/3GP (AAC from phones, the sound of most videos).</summary>
    public static readonly FfmpegContainer Mp4 = new("mov", FfmpegErrorCodes.TruncatedMp4, "an MP4/M4A/MOV file (AAC audio or video)");
    /// <summary>Matroska or WebM (Opus from browsers and chat apps, videos).</summary>
    public static readonly FfmpegContainer Matroska = new("matroska", FfmpegErrorCodes.TruncatedWebm, "a Matroska/WebM file");
    /// <summary>Native FLAC.</summary>
    public static readonly FfmpegContainer Flac = new("flac", FfmpegErrorCodes.TruncatedFlac, "FLAC audio");
    /// <summary>Raw AAC in ADTS frames.</summary>
    public static readonly FfmpegContainer Adts = new("aac", FfmpegErrorCodes.TruncatedAac, "AAC audio (ADTS)");
    /// <summary>AMR-NB or AMR-WB voice memos (<c>#!AMR</c>, <c>#!AMR-WB</c>).</summary>
    public static readonly FfmpegContainer Amr = new("amr", FfmpegErrorCodes.TruncatedAmr, "AMR audio");
    /// <summary>Ogg carrying Opus.</summary>
    public static readonly FfmpegContainer OggOpus = new("ogg", FfmpegErrorCodes.TruncatedOpus, "Opus audio in an Ogg container");
    /// <summary>Ogg carrying FLAC.</summary>
    public static readonly FfmpegContainer OggFlac = new("ogg", FfmpegErrorCodes.TruncatedOggFlac, "FLAC audio in an Ogg container");
    /// <summary>AVI video.</summary>
    public static readonly FfmpegContainer Avi = new("avi", FfmpegErrorCodes.TruncatedVideo, "an AVI video");
    /// <summary>Windows Media (WMA/WMV).</summary>
    public static readonly FfmpegContainer Asf = new("asf", FfmpegErrorCodes.TruncatedVideo, "a Windows Media (WMA/WMV) file");

    /// <summary>True for Ogg containers, whose completeness is checked on the last page (ffmpeg does not complain).</summary>
    public bool IsOgg => Demuxer == "ogg";
}
