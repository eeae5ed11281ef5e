using BroadcastHub.Audio.Decoding;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// User-facing messages for rejected audio, keyed by the decoder's stable codes: wholly in the UI language (the
/// decoder's English detail goes to the log only).
/// </summary>
public static class UploadMessages
{
    public const string Accepted = "WAV (PCM, float) · MP3 · Ogg Vorbis";

    /// <summary>The format a rejection names ("PNG", "MP4/M4A/MOV", "Matroska/WebM"): a name reads the same in both languages.</summary>
    private static string? FormatName(string detail) =>
        System.Text.RegularExpressions.Regex.Matches(detail.Split(", which")[0], @"[A-Z][A-Za-z0-9]*(?:/[A-Za-z0-9]+)*")
            .Select(m => m.Value).FirstOrDefault(v => v.Count(char.IsUpper) >= 2);

    public static string For(AudioRejectedException e) => e.Code switch
    {
        AudioErrorCodes.EmptyFile => Text.Pick("Tệp rỗng: không có dữ liệu âm thanh.", "The file is empty: it holds no audio."),
        AudioErrorCodes.UnrecognizedFormat => Text.Pick(
            $"Không nhận ra định dạng âm thanh của tệp. Chỉ nhận {Accepted}.",
            $"The file is not audio in a format we recognise. Accepted: {Accepted}."),
        AudioErrorCodes.UnsupportedFormat when FormatName(e.Message) is { } name => Text.Pick(
            $"Tệp này có định dạng {name}, không được nhận. Chỉ nhận {Accepted}.", e.Message),
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
        AudioErrorCodes.TooManyChannels => Text.Pick(
            $"Tệp khai báo số kênh không hợp lệ (chỉ nhận 1–{AudioLimits.MaxChannels} kênh). Hãy xuất lại dạng mono hoặc stereo.",
            $"The file declares an impossible number of channels (1–{AudioLimits.MaxChannels} accepted). Export it again as mono or stereo."),
        AudioErrorCodes.UnsupportedSampleRate => Text.Pick(
            "Tần số lấy mẫu nằm ngoài khoảng 8.000–192.000 Hz. Hãy xuất lại ở 44.100 hoặc 48.000 Hz.",
            "The sample rate is outside 8,000–192,000 Hz. Export it again at 44,100 or 48,000 Hz."),
        AudioErrorCodes.InvalidBlockAlign or AudioErrorCodes.InvalidBitsPerSample or AudioErrorCodes.InvalidChunkSize => Text.Pick(
            "Phần đầu tệp WAV khai báo định dạng không thể có (tệp hỏng hoặc bị làm giả). Hãy xuất lại tệp.",
            "The WAV header declares an impossible format (a damaged or forged file). Export it again."),
        AudioErrorCodes.InvalidVorbisHeader => Text.Pick(
            "Phần đầu tệp Ogg Vorbis khai báo giá trị không thể có (tệp hỏng hoặc bị làm giả). Hãy xuất lại tệp.",
            "The Ogg Vorbis header declares impossible values (a damaged or forged file). Export it again."),
        AudioErrorCodes.OversizedHeader => Text.Pick(
            "Phần đầu tệp Ogg Vorbis quá lớn so với mọi bộ mã hoá thật. Hãy xuất lại tệp, bỏ thẻ hoặc ảnh nhúng lớn.",
            "The Ogg Vorbis header is larger than any real encoder writes. Export it again without large tags or pictures."),
        _ => Text.Pick("Tệp âm thanh bị hỏng, không giải mã được.", "The audio file is corrupt and cannot be decoded."),
    };
}
