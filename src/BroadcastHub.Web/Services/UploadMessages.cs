using BroadcastHub.Audio.Decoding;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services;

/// <summary>User-facing messages for rejected audio, keyed by the decoder's stable codes.</summary>
public static class UploadMessages
{
    public const string Accepted = "WAV (PCM, float) · MP3 · Ogg Vorbis";

    public static string For(AudioRejectedException e) => e.Code switch
    {
        AudioErrorCodes.EmptyFile => Text.Pick("Tệp rỗng: không có dữ liệu âm thanh.", "The file is empty: it holds no audio."),
        AudioErrorCodes.UnrecognizedFormat => Text.Pick(
            $"Không nhận ra định dạng âm thanh của tệp. Chỉ nhận {Accepted}.",
            $"The file is not audio in a format we recognise. Accepted: {Accepted}."),
        AudioErrorCodes.UnsupportedFormat => Text.Pick(
            $"Định dạng không được hỗ trợ. Chỉ nhận {Accepted}.",
            $"Unsupported format. Accepted: {Accepted}."),
        AudioErrorCodes.TruncatedMp3 => Text.Pick(
            "Tệp MP3 bị cắt cụt (tải lên bị gián đoạn?): sẽ phát thiếu đoạn cuối. Hãy tải lại tệp đầy đủ.",
            "The MP3 is cut short (an interrupted upload?): it would air cut off. Upload the complete file again."),
        AudioErrorCodes.TruncatedOgg => Text.Pick(
            "Tệp Ogg Vorbis bị cắt cụt (tải lên bị gián đoạn?): sẽ phát thiếu đoạn cuối. Hãy tải lại tệp đầy đủ.",
            "The Ogg Vorbis file is cut short (an interrupted upload?): it would air cut off. Upload the complete file again."),
        AudioErrorCodes.TruncatedWav => Text.Pick(
            "Tệp WAV bị cắt cụt: phần đầu tệp khai báo nhiều dữ liệu hơn số có trong tệp.",
            "The WAV file is cut short: its header claims more data than the file holds."),
        AudioErrorCodes.UnsupportedWavEncoding => Text.Pick(
            $"Kiểu mã hoá WAV này không được hỗ trợ. Chỉ nhận {Accepted}.",
            $"This WAV encoding is not supported. Accepted: {Accepted}."),
        AudioErrorCodes.NoAudio => Text.Pick("Tệp không chứa âm thanh.", "The file contains no audio."),
        _ => Text.Pick("Tệp âm thanh bị hỏng, không giải mã được.", "The audio file is corrupt and cannot be decoded."),
    } + " (" + e.Message + ")";
}
