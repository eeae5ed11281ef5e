namespace BroadcastHub.Audio.Decoding;

/// <summary>Sample encodings the WAV reader decodes.</summary>
internal enum WavSampleEncoding
{
    UInt8,
    Int16,
    Int24,
    Int32,
    Float32,
    Float64,
}

/// <summary>Where the samples of a WAV file are and how they are encoded.</summary>
internal sealed record WavLayout(
    WavSampleEncoding Encoding, int SampleRate, int Channels, int BlockAlign, long DataOffset, long DataLength)
{
    /// <summary>Whole frames in the data chunk (a trailing partial frame is ignored).</summary>
    public long Frames => DataLength / BlockAlign;

    /// <summary>Codec name in ffmpeg's spelling.</summary>
    public string Codec => Encoding switch
    {
        WavSampleEncoding.UInt8 => "pcm_u8",
        WavSampleEncoding.Int16 => "pcm_s16le",
        WavSampleEncoding.Int24 => "pcm_s24le",
        WavSampleEncoding.Int32 => "pcm_s32le",
        WavSampleEncoding.Float32 => "pcm_f32le",
        _ => "pcm_f64le",
    };
}
