using BroadcastHub.Audio.Decoding;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using NAudio.Wave;

namespace BroadcastHub.Playout;

/// <summary>
/// The audio chain of one rundown item, the only one: decode → house format → loudness match. The engine and the
/// playout benchmark both build items here, so the benchmark measures what airs.
/// </summary>
public static class ItemChain
{
    /// <summary>Opens the item lazily (when the rundown reaches it); the decoder is disposed with the chain.</summary>
    /// <param name="path">The media file.</param>
    /// <param name="format">The house format.</param>
    /// <param name="integratedLufs">The item's stored loudness analysis.</param>
    /// <param name="channels">The item's channel count as analysed; 0 or less: the file's own.</param>
    /// <param name="target">The zone's loudness target.</param>
    public static Func<ISampleProvider> Open(string path, WaveFormat format, double integratedLufs, int channels, LoudnessTarget target) => () =>
    {
        var source = AudioDecoder.Open(path);
        var measured = channels > 0 ? channels : source.WaveFormat.Channels;
        return new OwnedSampleProvider(LoudnessMatch.Apply(HouseFormat.Convert(source, format), integratedLufs, target, measured), source);
    };
}
