namespace BroadcastHub.Web.Tests.Support;

/// <summary>Writes small 16-bit PCM WAV files with a sine tone, for tests that need audio of an exact length.</summary>
public static class ToneWav
{
    /// <param name="silentFrom">Start of a silent stretch, in seconds (none by default).</param>
    /// <param name="silentSeconds">Length of the silent stretch.</param>
    public static byte[] Create(double seconds, int sampleRate = 22050, double frequency = 440, double amplitude = 0.3,
        double silentFrom = double.MaxValue, double silentSeconds = 0)
    {
        var frames = (int)Math.Round(seconds * sampleRate);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + frames * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 2);
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / sampleRate;
            var silent = t >= silentFrom && t < silentFrom + silentSeconds;
            writer.Write(silent ? (short)0 : (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * frequency * t)));
        }
        writer.Flush();
        return stream.ToArray();
    }
}
