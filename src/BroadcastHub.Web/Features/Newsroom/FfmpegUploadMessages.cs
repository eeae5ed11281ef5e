using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Decoding.Ffmpeg;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Newsroom;

/// <summary>User-facing messages for files refused on the ffmpeg path (the technician's detail goes to the log).</summary>
public static class FfmpegUploadMessages
{
    /// <summary>The message for an ffmpeg-path code, or null for the managed decoders' codes.</summary>
    public static string? For(AudioRejectedException e) => e.Code switch
    {
        FfmpegErrorCodes.FfmpegMissing => Msg.Get("ThisServerHasNoFfmpegSo", FfmpegTools.Package),
        FfmpegErrorCodes.NoAudioTrack => Msg.Get("TheFileHasNoSoundTrack"),
        FfmpegErrorCodes.DecodeTimeout => Msg.Get("DecodingTheFileTookTooLong"),
        FfmpegErrorCodes.TruncatedMp4 => Truncated("MP4/M4A"),
        FfmpegErrorCodes.TruncatedWebm => Truncated("WebM/Matroska"),
        FfmpegErrorCodes.TruncatedFlac => Truncated("FLAC"),
        FfmpegErrorCodes.TruncatedAac => Truncated("AAC"),
        FfmpegErrorCodes.TruncatedAmr => Truncated("AMR"),
        FfmpegErrorCodes.TruncatedOpus => Truncated("Ogg Opus"),
        FfmpegErrorCodes.TruncatedOggFlac => Truncated("Ogg FLAC"),
        FfmpegErrorCodes.TruncatedVideo => Truncated("video"),
        _ => null,
    };

    private static string Truncated(string format) => Msg.Get("TheFileIsCutShortOr", format);
}
