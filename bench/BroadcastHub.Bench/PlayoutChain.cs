using BroadcastHub.Audio.Loudness;
using BroadcastHub.Playout;
using NAudio.Wave;

namespace BroadcastHub.Bench;

/// <summary>The engine's own item chain (<see cref="ItemChain"/>): decode → house format → loudness match, in a gapless rundown.</summary>
public static class PlayoutChain
{
    public static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);

    public static Func<ISampleProvider> Item(string path, LoudnessTarget target, double lufs, int channels) =>
        ItemChain.Open(path, House, lufs, channels, target);

    /// <summary>Reads a provider to its end in 20 ms blocks, handing each block to <paramref name="sink"/>.</summary>
    public static long Drain(ISampleProvider provider, Action<ReadOnlySpan<float>>? sink = null)
    {
        var buffer = new float[provider.WaveFormat.SampleRate / 50 * provider.WaveFormat.Channels];
        long samples = 0;
        int n;
        while ((n = provider.Read(buffer)) > 0)
        {
            sink?.Invoke(buffer.AsSpan(0, n));
            samples += n;
        }

        return samples / provider.WaveFormat.Channels;
    }
}
