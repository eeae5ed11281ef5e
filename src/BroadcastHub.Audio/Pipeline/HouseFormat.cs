using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace BroadcastHub.Audio.Pipeline;

/// <summary>Brings any decoded source to an output's house format (channel layout, then sample rate).</summary>
public static class HouseFormat
{
    /// <summary>Wraps <paramref name="source"/> so it reads as IEEE float at <paramref name="target"/>'s rate and channels.</summary>
    public static ISampleProvider Convert(ISampleProvider source, WaveFormat target)
    {
        var converted = source.WaveFormat.Channels == target.Channels
            ? source
            : new ChannelMapSampleProvider(source, target.Channels);
        return converted.WaveFormat.SampleRate == target.SampleRate
            ? converted
            : new WdlResamplingSampleProvider(converted, target.SampleRate);
    }
}
