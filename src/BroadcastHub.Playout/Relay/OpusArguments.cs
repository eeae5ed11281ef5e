using System.Globalization;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>ffmpeg's argument list for a relay recording: raw float PCM on stdin to Opus in Ogg, speech-sized.</summary>
internal static class OpusArguments
{
    /// <summary>Opus bit rate, bit/s: clear speech and acceptable music at a size a year of relays can keep.</summary>
    public const int BitRate = 32_000;

    /// <summary>
    /// Encoder complexity (0–10): 5 costs a quarter of the default 10's CPU (0.4 % of a core against 1.6 % measured)
    /// for a proof recording that sounds the same; see docs/performance.md.
    /// </summary>
    public const int Complexity = 5;

    public static IEnumerable<string> For(string fullPath, WaveFormat format) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "f32le", "-ar", format.SampleRate.ToString(CultureInfo.InvariantCulture),
        "-ac", format.Channels.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
        "-c:a", "libopus", "-b:a", BitRate.ToString(CultureInfo.InvariantCulture), "-vbr", "constrained",
        "-compression_level", Complexity.ToString(CultureInfo.InvariantCulture),
        "-f", "ogg", fullPath,
    ];
}
