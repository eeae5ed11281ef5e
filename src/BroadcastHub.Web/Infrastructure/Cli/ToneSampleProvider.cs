using NAudio.Wave;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>A sine tone of fixed length and peak level on every channel, with 10 ms raised-cosine fades (no clicks).</summary>
internal sealed class ToneSampleProvider(WaveFormat format, double hz, double peakDbfs, TimeSpan length) : ISampleProvider
{
    private readonly long _frames = (long)Math.Round(length.TotalSeconds * format.SampleRate);
    private readonly long _fade = Math.Max(1, format.SampleRate / 100);
    private readonly double _amplitude = Math.Pow(10, peakDbfs / 20);
    private long _position;

    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels);

    public long TotalFrames => _frames;

    public int Read(Span<float> buffer)
    {
        var channels = WaveFormat.Channels;
        var n = (int)Math.Min(buffer.Length / channels, _frames - _position);
        for (var i = 0; i < n; i++, _position++)
        {
            var edge = Math.Min(_position, _frames - 1 - _position);
            var fade = edge >= _fade ? 1 : 0.5 - 0.5 * Math.Cos(Math.PI * edge / _fade);
            var v = (float)(_amplitude * fade * Math.Sin(2 * Math.PI * hz * _position / WaveFormat.SampleRate));
            buffer.Slice(i * channels, channels).Fill(v);
        }

        return n * channels;
    }
}
