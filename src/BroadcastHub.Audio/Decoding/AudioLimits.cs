using static BroadcastHub.Audio.Decoding.MessageText;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// What a broadcast file can plausibly carry. Headers are checked against these before anything is allocated
/// from what they claim, so a hostile file is refused in bytes, not megabytes.
/// </summary>
public static class AudioLimits
{
    /// <summary>Most channels accepted (7.1 surround); bulletins are mono or stereo.</summary>
    public const int MaxChannels = 8;

    /// <summary>Lowest sample rate accepted, in Hz.</summary>
    public const int MinSampleRate = 8000;

    /// <summary>Highest sample rate accepted, in Hz.</summary>
    public const int MaxSampleRate = 192000;

    /// <summary>Largest Vorbis comment header accepted (tags, cover art), in bytes.</summary>
    public const int MaxVorbisCommentBytes = 8 * 1024 * 1024;

    /// <summary>Largest Vorbis setup header (codebooks) accepted, in bytes; real encoders write a few KB.</summary>
    public const int MaxVorbisSetupBytes = 256 * 1024;

    /// <summary>Throws <see cref="AudioErrorCodes.TooManyChannels"/> unless 1 ≤ <paramref name="channels"/> ≤ <see cref="MaxChannels"/>.</summary>
    internal static void CheckChannels(string format, int channels)
    {
        if (channels is < 1 or > MaxChannels)
            throw new AudioRejectedException(AudioErrorCodes.TooManyChannels,
                $"The {format} file declares {N(channels)} channels; broadcast audio has 1 to {MaxChannels} " +
                "(mono or stereo for bulletins). Export it again as mono or stereo.");
    }

    /// <summary>Throws <see cref="AudioErrorCodes.UnsupportedSampleRate"/> unless the rate is within 8000–192000 Hz.</summary>
    internal static void CheckSampleRate(string format, long rate)
    {
        if (rate is < MinSampleRate or > MaxSampleRate)
            throw new AudioRejectedException(AudioErrorCodes.UnsupportedSampleRate,
                $"The {format} file's sample rate is {rate} Hz; accepted rates are {N(MinSampleRate)}–{N(MaxSampleRate)} Hz. " +
                "Export it again at 44,100 or 48,000 Hz.");
    }
}
