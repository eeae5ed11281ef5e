using System.Globalization;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>ffmpeg's argument list for a relay recording: raw float PCM on stdin to Opus in Ogg, speech-sized.</summary>
internal static class OpusArguments
{
    /// <summary>Opus bit rate, bit/s: clear speech and acceptable music at a size a year of relays can keep.</summary>
    public const int BitRate = 32_000;

    public static IEnumerable<string> For(string fullPath, WaveFormat format) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "f32le", "-ar", format.SampleRate.ToString(CultureInfo.InvariantCulture),
        "-ac", format.Channels.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
        "-c:a", "libopus", "-b:a", BitRate.ToString(CultureInfo.InvariantCulture), "-vbr", "on",
        "-f", "ogg", fullPath,
    ];
}
