namespace BroadcastHub.Audio.Decoding;

/// <summary>Stable codes for rejected audio; the API and UI map them to user-facing messages.</summary>
public static class AudioErrorCodes
{
    /// <summary>The file has no bytes.</summary>
    public const string EmptyFile = "empty_file";
    /// <summary>The content is not audio in any format we know (e.g. text).</summary>
    public const string UnrecognizedFormat = "unrecognized_format";
    /// <summary>The content is a known non-audio or unsupported format (image, AAC, FLAC, video...).</summary>
    public const string UnsupportedFormat = "unsupported_format";
    /// <summary>An MP3 whose stream ends before the length its header declares (interrupted upload).</summary>
    public const string TruncatedMp3 = "truncated_mp3";
    /// <summary>An Ogg Vorbis file that does not end with the last page of its stream (interrupted upload).</summary>
    public const string TruncatedOgg = "truncated_ogg";
    /// <summary>A WAV whose header claims more data than the file holds.</summary>
    public const string TruncatedWav = "truncated_wav";
    /// <summary>A WAV with an encoding we cannot decode (e.g. ADPCM) or a malformed header.</summary>
    public const string UnsupportedWavEncoding = "unsupported_wav_encoding";
    /// <summary>The stream decoded to no audio at all.</summary>
    public const string NoAudio = "no_audio";
    /// <summary>The audio is corrupt beyond recovery.</summary>
    public const string CorruptAudio = "corrupt_audio";
}
