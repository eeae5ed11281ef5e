namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>Stable codes for files refused on the ffmpeg path (the managed decoders' codes are in <see cref="AudioErrorCodes"/>).</summary>
public static class FfmpegErrorCodes
{
    /// <summary>The format needs ffmpeg, which is not installed (or not where <c>BroadcastHub:Ffmpeg:Path</c> points).</summary>
    public const string FfmpegMissing = "ffmpeg_missing";
    /// <summary>An MP4/M4A/MOV/3GP file that is cut short or damaged (no <c>moov</c>, partial <c>mdat</c>).</summary>
    public const string TruncatedMp4 = "truncated_mp4";
    /// <summary>A Matroska/WebM file that ends prematurely or is damaged.</summary>
    public const string TruncatedWebm = "truncated_webm";
    /// <summary>A FLAC file whose frames stop early or fail to decode.</summary>
    public const string TruncatedFlac = "truncated_flac";
    /// <summary>ADTS AAC whose last frame is cut or damaged.</summary>
    public const string TruncatedAac = "truncated_aac";
    /// <summary>AMR whose last frame is cut or damaged.</summary>
    public const string TruncatedAmr = "truncated_amr";
    /// <summary>Ogg Opus that does not end with the stream's last page, or fails to decode.</summary>
    public const string TruncatedOpus = "truncated_opus";
    /// <summary>FLAC in Ogg that does not end with the stream's last page, or fails to decode.</summary>
    public const string TruncatedOggFlac = "truncated_ogg_flac";
    /// <summary>A video (AVI, Windows Media) that is cut short or damaged.</summary>
    public const string TruncatedVideo = "truncated_video";
    /// <summary>A container with no audio stream (a silent video).</summary>
    public const string NoAudioTrack = "no_audio_track";
    /// <summary>ffmpeg did not finish within its time limit.</summary>
    public const string DecodeTimeout = "decode_timeout";
}
