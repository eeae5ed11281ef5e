using NAudio.Wave;

namespace BroadcastHub.RelayBench;

/// <summary>
/// The last stage before the output: notes the wall-clock instant each marker burst is read by the paced output (the
/// first sample above <see cref="Threshold"/> at least a second after the previous one).
/// </summary>
public sealed class MarkerDetector(ISampleProvider source, TimeProvider time) : ISampleProvider
{
    private const float Threshold = 0.3f;
    private readonly List<DateTimeOffset> _seen = [];
    private long _frames, _lastFrame = long.MinValue / 2;

    public WaveFormat WaveFormat => source.WaveFormat;

    /// <summary>When each marker reached the output.</summary>
    public IReadOnlyList<DateTimeOffset> Seen
    {
        get { lock (_seen) return _seen.ToList(); }
    }

    public int Read(Span<float> buffer)
    {
        var now = time.GetUtcNow();
        var n = source.Read(buffer);
        var channels = WaveFormat.Channels;
        for (var i = 0; i < n; i += channels)
        {
            var frame = _frames + i / channels;
            if (Math.Abs(buffer[i]) < Threshold || frame - _lastFrame < WaveFormat.SampleRate) continue;
            _lastFrame = frame;
            lock (_seen) _seen.Add(now + TimeSpan.FromSeconds((double)(i / channels) / WaveFormat.SampleRate));
        }
        _frames += n / channels;
        return n;
    }
}
