namespace BroadcastHub.TestStreams;

/// <summary>Finds a pure tone (a fill that is easy to recognise) in aired audio.</summary>
public static class ToneDetector
{
    /// <summary>Seconds of <paramref name="audio"/> (mono) in 20 ms windows where a tone of <paramref name="frequency"/> dominates.</summary>
    public static double SecondsOf(ReadOnlySpan<float> audio, int rate, double frequency)
    {
        var window = rate / 50;
        var found = 0;
        for (var start = 0; start + window <= audio.Length; start += window)
        {
            double re = 0, im = 0, energy = 0;
            for (var i = 0; i < window; i++)
            {
                var x = audio[start + i];
                re += x * Math.Cos(2 * Math.PI * frequency * i / rate);
                im += x * Math.Sin(2 * Math.PI * frequency * i / rate);
                energy += x * x;
            }
            if (energy > 0 && 2 * (re * re + im * im) / window / energy > 0.8) found++;
        }
        return found * window / (double)rate;
    }
}
