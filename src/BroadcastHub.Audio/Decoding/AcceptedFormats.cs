namespace BroadcastHub.Audio.Decoding;

/// <summary>What the decoder accepts, phrased for rejection messages.</summary>
public static class AcceptedFormats
{
    /// <summary>Sentence naming the accepted formats, appended to format rejections.</summary>
    public const string Sentence =
        "Accepted formats: WAV (PCM 8/16/24/32-bit or 32/64-bit float, 8–192 kHz), MP3 (MPEG-1/2/2.5 Layer III) and Ogg Vorbis.";
}
