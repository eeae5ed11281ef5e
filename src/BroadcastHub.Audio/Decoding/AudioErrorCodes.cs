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
    /// <summary>More channels than a broadcast file carries (more than <see cref="AudioLimits.MaxChannels"/>) or none.</summary>
    public const string TooManyChannels = "too_many_channels";
    /// <summary>A sample rate outside 8000–192000 Hz.</summary>
    public const string UnsupportedSampleRate = "unsupported_sample_rate";
    /// <summary>A WAV block size (bytes per frame) that does not fit its channels and sample width.</summary>
    public const string InvalidBlockAlign = "invalid_block_align";
    /// <summary>A WAV sample width (bits per sample) that is zero or larger than its container.</summary>
    public const string InvalidBitsPerSample = "invalid_bits_per_sample";
    /// <summary>A WAV chunk whose declared size cannot be right (a fmt chunk larger than the file, or too short).</summary>
    public const string InvalidChunkSize = "invalid_chunk_size";
    /// <summary>A Vorbis header with impossible values (block sizes, framing, string lengths beyond the packet).</summary>
    public const string InvalidVorbisHeader = "invalid_vorbis_header";
    /// <summary>A Vorbis comment or setup header larger than any real encoder writes.</summary>
    public const string OversizedHeader = "oversized_header";
}
