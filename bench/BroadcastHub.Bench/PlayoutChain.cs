using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using NAudio.Wave;

namespace BroadcastHub.Bench;

/// <summary>The engine's chain (see OccurrenceRunner): per item decode → house format → loudness match, in a gapless rundown.</summary>
public static class PlayoutChain
{
    public static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);

    public static Func<ISampleProvider> Item(string path, LoudnessTarget target, double lufs, int channels) => () =>
    {
        var source = AudioDecoder.Open(path);
        return new OwnedSampleProvider(LoudnessMatch.Apply(HouseFormat.Convert(source, House), lufs, target, channels), source);
    };

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
