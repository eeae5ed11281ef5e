using BroadcastHub.Audio.Decoding;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// User-facing messages for rejected audio, keyed by the decoder's stable codes: wholly in the UI language (the
/// decoder's English detail goes to the log only).
/// </summary>
public static class UploadMessages
{
    public const string Accepted = "WAV (PCM, float) · MP3 · Ogg Vorbis · AAC/M4A · Opus · FLAC · AMR · video (ffmpeg)";

    /// <summary>The format a rejection names ("PNG", "MP4/M4A/MOV", "Matroska/WebM"): a name reads the same in both languages.</summary>
    private static string? FormatName(string detail) =>
        System.Text.RegularExpressions.Regex.Matches(detail.Split(", which")[0], @"[A-Z][A-Za-z0-9]*(?:/[A-Za-z0-9]+)*")
            .Select(m => m.Value).FirstOrDefault(v => v.Count(char.IsUpper) >= 2);

    public static string For(AudioRejectedException e) => Features.Newsroom.FfmpegUploadMessages.For(e) ?? e.Code switch
    {
        AudioErrorCodes.EmptyFile => Msg.Get("TheFileIsEmptyItHolds"),
        AudioErrorCodes.UnrecognizedFormat => Msg.Get("TheFileIsNotAudioIn", Accepted),
        AudioErrorCodes.UnsupportedFormat when FormatName(e.Message) is { } name => Msg.Get("TepNayCoDinhDangKhong", name, Accepted, e.Message),
        AudioErrorCodes.UnsupportedFormat => Msg.Get("UnsupportedFormatAccepted", Accepted),
        AudioErrorCodes.TruncatedMp3 => Msg.Get("TheMP3IsCutShortAn"),
        AudioErrorCodes.TruncatedOgg => Msg.Get("TheOggVorbisFileIsCut"),
        AudioErrorCodes.TruncatedWav => Msg.Get("TheWAVFileIsCutShort"),
        AudioErrorCodes.UnsupportedWavEncoding => Msg.Get("ThisWAVEncodingIsNotSupported", Accepted),
        AudioErrorCodes.NoAudio => Msg.Get("TheFileContainsNoAudio"),
        AudioErrorCodes.TooManyChannels => Msg.Get("TheFileDeclaresAnImpossibleNumber", AudioLimits.MaxChannels),
        AudioErrorCodes.UnsupportedSampleRate => Msg.Get("TheSampleRateIsOutside8"),
        AudioErrorCodes.InvalidBlockAlign or AudioErrorCodes.InvalidBitsPerSample or AudioErrorCodes.InvalidChunkSize => Msg.Get("TheWAVHeaderDeclaresAnImpossible"),
        AudioErrorCodes.InvalidVorbisHeader => Msg.Get("TheOggVorbisHeaderDeclaresImpossible"),
        AudioErrorCodes.OversizedHeader => Msg.Get("TheOggVorbisHeaderIsLarger"),
        _ => Msg.Get("TheAudioFileIsCorruptAnd"),
    };
}
