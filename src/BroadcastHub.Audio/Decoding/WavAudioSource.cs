using NAudio.Wave;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Streams the samples of a PCM or float WAV file as floats.</summary>
internal sealed class WavAudioSource : IAudioSource, IAudioSourceWarnings
{
    private const int MaxFramesPerRead = 4096;
    private readonly Stream _stream;
    private readonly WavLayout _layout;
    private readonly byte[] _bytes;
    private readonly List<string> _warnings = [];
    private long _framesLeft;

    public WavAudioSource(Stream stream, WavLayout layout)
    {
        _stream = stream;
        _layout = layout;
        _framesLeft = layout.Frames;
        _bytes = new byte[MaxFramesPerRead * layout.BlockAlign];
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(layout.SampleRate, layout.Channels);
        _stream.Position = layout.DataOffset;
    }

    public WaveFormat WaveFormat { get; }

    public string Codec => _layout.Codec;

    public long? TotalFrames => _layout.Frames;

    public IReadOnlyList<string> Warnings => _warnings;

    public int Read(Span<float> buffer)
    {
        var channels = _layout.Channels;
        if (buffer.Length < channels && buffer.Length > 0)
            throw new ArgumentException($"Read at least one frame ({channels} samples).", nameof(buffer));
        var frames = (int)Math.Min(Math.Min(buffer.Length / channels, MaxFramesPerRead), _framesLeft);
        if (frames == 0) return 0;
        var byteCount = frames * _layout.BlockAlign;
        var got = _stream.ReadAtLeast(_bytes.AsSpan(0, byteCount), byteCount, throwOnEndOfStream: false);
        frames = got / _layout.BlockAlign;
        if (frames == 0)
        {
            _framesLeft = 0;
            return 0;
        }

        var samples = frames * channels;
        PcmSampleConverter.Convert(_layout.Encoding, _bytes, buffer[..samples]);
        if (_layout.Encoding is WavSampleEncoding.Float32 or WavSampleEncoding.Float64) Sanitise(buffer[..samples]);
        _framesLeft -= frames;
        return samples;
    }

    private void Sanitise(Span<float> samples)
    {
        var bad = 0;
        for (var i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i])) (samples[i], bad) = (0, bad + 1);
        if (bad > 0 && _warnings.Count == 0)
            _warnings.Add("The float WAV contains invalid (NaN/infinite) samples; they were replaced by silence.");
    }

    public void Dispose() => _stream.Dispose();
}
