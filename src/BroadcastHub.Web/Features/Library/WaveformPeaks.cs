using BroadcastHub.Audio.Decoding;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Computes min/max peaks of an audio file at several resolutions by decoding it once, streaming (never the whole file in memory).</summary>
public static class WaveformPeaks
{
    private const int BlockFrames = 4096;

    /// <summary>
    /// Splits the decoded audio at <paramref name="path"/> into each of <paramref name="resolutions"/> stretches of
    /// <paramref name="expectedFrames"/> / points frames and returns each stretch's lowest and highest sample, for every
    /// resolution from the same single decode.
    /// </summary>
    public static IReadOnlyList<BulletinWaveform> Compute(string path, string sha256, long expectedFrames, IReadOnlyList<int> resolutions,
        CancellationToken cancel = default)
    {
        using var source = AudioDecoder.Open(path);
        var channels = source.WaveFormat.Channels;
        var frames = Math.Max(1, source.TotalFrames ?? expectedFrames);
        var min = resolutions.Select(p => new float[p]).ToArray();
        var max = resolutions.Select(p => new float[p]).ToArray();
        var buffer = new float[BlockFrames * channels];
        long frame = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            for (var r = 0; r < resolutions.Count; r++)
            {
                var points = resolutions[r];
                var (lows, highs) = (min[r], max[r]);
                for (var i = 0; i < read; i++)
                {
                    var bucket = (int)Math.Min(points - 1, (frame + i / channels) * points / frames);
                    var sample = buffer[i];
                    if (sample < lows[bucket]) lows[bucket] = sample;
                    if (sample > highs[bucket]) highs[bucket] = sample;
                }
            }
            frame += read / channels;
        }
        var warnings = source is IAudioSourceWarnings w ? w.Warnings.ToList() : [];
        var seconds = frame / (double)source.WaveFormat.SampleRate;
        return resolutions.Select((points, r) => new BulletinWaveform(sha256, points, seconds, Round(min[r]), Round(max[r]), warnings)).ToList();
    }

    private static float[] Round(float[] values) => values.Select(v => MathF.Round(v, 4)).ToArray();
}
