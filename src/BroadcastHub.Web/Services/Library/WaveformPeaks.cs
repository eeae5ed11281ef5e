using BroadcastHub.Audio.Decoding;

namespace BroadcastHub.Web.Services.Library;

/// <summary>Computes min/max peaks of an audio file by decoding it once, streaming (never the whole file in memory).</summary>
public static class WaveformPeaks
{
    private const int BlockFrames = 4096;

    /// <summary>
    /// Splits the decoded audio at <paramref name="path"/> into <paramref name="points"/> stretches of
    /// <paramref name="expectedFrames"/> / points frames and returns each stretch's lowest and highest sample.
    /// </summary>
    public static BulletinWaveform Compute(string path, string sha256, long expectedFrames, int points, CancellationToken cancel = default)
    {
        using var source = AudioDecoder.Open(path);
        var channels = source.WaveFormat.Channels;
        var frames = Math.Max(1, source.TotalFrames ?? expectedFrames);
        var min = new float[points];
        var max = new float[points];
        var buffer = new float[BlockFrames * channels];
        long frame = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            for (var i = 0; i < read; i++)
            {
                var bucket = (int)Math.Min(points - 1, (frame + i / channels) * points / frames);
                var sample = buffer[i];
                if (sample < min[bucket]) min[bucket] = sample;
                if (sample > max[bucket]) max[bucket] = sample;
            }
            frame += read / channels;
        }
        var warnings = source is IAudioSourceWarnings w ? w.Warnings.ToList() : [];
        return new BulletinWaveform(sha256, points, frame / (double)source.WaveFormat.SampleRate, Round(min), Round(max), warnings);
    }

    private static float[] Round(float[] values) => values.Select(v => MathF.Round(v, 4)).ToArray();
}
