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
        FfmpegErrorCodes.FfmpegMissing => Text.Pick(
            $"Máy chủ chưa cài ffmpeg nên chưa đọc được định dạng này (AAC/M4A, Opus, FLAC, AMR, video). Hãy nhờ quản trị viên cài gói '{FfmpegTools.Package}' (apt-get install {FfmpegTools.Package}), hoặc tải lên WAV, MP3, Ogg Vorbis.",
            $"This server has no ffmpeg, so it cannot read this format (AAC/M4A, Opus, FLAC, AMR, video). Ask an administrator to install the package '{FfmpegTools.Package}' (apt-get install {FfmpegTools.Package}), or upload WAV, MP3 or Ogg Vorbis."),
        FfmpegErrorCodes.NoAudioTrack => Text.Pick("Tệp không có rãnh âm thanh (video câm?).", "The file has no sound track (a silent video?)."),
        FfmpegErrorCodes.DecodeTimeout => Text.Pick("Giải mã tệp quá lâu nên đã dừng. Hãy thử một tệp ngắn hơn.", "Decoding the file took too long and was stopped. Try a shorter file."),
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

    private static string Truncated(string format) => Text.Pick(
        $"Tệp {format} bị cắt cụt hoặc hỏng (tải lên bị gián đoạn?): không giải mã được hết. Hãy tải lại tệp đầy đủ.",
        $"The {format} file is cut short or damaged (an interrupted upload?): it does not decode to the end. Upload the complete file again.");
}
