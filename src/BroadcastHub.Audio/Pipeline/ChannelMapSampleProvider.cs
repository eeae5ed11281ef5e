using NAudio.Wave;

namespace BroadcastHub.Audio.Pipeline;

/// <summary>
/// Changes the channel count: down to mono by averaging every channel, mono up by copying, and any other layout by
/// averaging to mono first (a loudspeaker network is a mono medium; nothing is lost that a listener would hear).
/// </summary>
public sealed class ChannelMapSampleProvider : ISampleProvider
{
    private readonly ISampleProvider _source;
    private readonly int _inChannels;
    private float[] _buffer = [];

    /// <summary>Wraps <paramref name="source"/> to produce <paramref name="channels"/> channels.</summary>
    public ChannelMapSampleProvider(ISampleProvider source, int channels)
    {
        _source = source;
        _inChannels = source.WaveFormat.Channels;
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(source.WaveFormat.SampleRate, channels);
    }

    /// <inheritdoc />
    public WaveFormat WaveFormat { get; }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var outChannels = WaveFormat.Channels;
        var frames = buffer.Length / outChannels;
        var needed = frames * _inChannels;
        if (_buffer.Length < needed) _buffer = new float[needed];
        var read = _source.Read(_buffer.AsSpan(0, needed)) / _inChannels;
        for (var f = 0; f < read; f++)
        {
            float sum = 0;
            for (var c = 0; c < _inChannels; c++) sum += _buffer[f * _inChannels + c];
            var mono = sum / _inChannels;
            for (var c = 0; c < outChannels; c++) buffer[f * outChannels + c] = mono;
        }
        return read * outChannels;
    }
}
