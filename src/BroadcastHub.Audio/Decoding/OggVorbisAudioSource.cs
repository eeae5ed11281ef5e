using NAudio.Wave;
using NVorbis;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Streams an Ogg Vorbis file through NVorbis, page by page. The length is exact: the granule position of the
/// stream's last page, which is where the encoder marked the end of the real audio.
/// </summary>
internal sealed class OggVorbisAudioSource : IAudioSource, IAudioSourceWarnings
{
    private const int MaxFramesPerRead = 4096;
    private readonly VorbisReader _reader;
    private readonly float[] _buffer;
    private readonly List<string> _warnings = [];
    private readonly int _channels;
    private long _framesLeft;

    public OggVorbisAudioSource(Stream stream, OggVorbisInfo info)
    {
        try
        {
            _reader = new VorbisReader(stream, closeOnDispose: true) { ClipSamples = false };
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException or IndexOutOfRangeException
                                       or OverflowException)
        {
            throw new AudioRejectedException(AudioErrorCodes.CorruptAudio, $"The Ogg Vorbis file is damaged: {e.Message}. Export it again.");
        }

        _channels = info.Channels;
        _framesLeft = info.Frames;
        TotalFrames = info.Frames;
        _buffer = new float[MaxFramesPerRead * _channels];
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(info.SampleRate, info.Channels);
    }

    public WaveFormat WaveFormat { get; }

    public string Codec => "vorbis";

    public long? TotalFrames { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public int Read(Span<float> buffer)
    {
        if (buffer.Length < _channels && buffer.Length > 0)
            throw new ArgumentException($"Read at least one frame ({_channels} samples).", nameof(buffer));
        var frames = (int)Math.Min(Math.Min(buffer.Length / _channels, MaxFramesPerRead), _framesLeft);
        if (frames == 0) return 0;
        int samples;
        try
        {
            samples = _reader.ReadSamples(_buffer, 0, frames * _channels);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
        {
            throw new AudioRejectedException(AudioErrorCodes.CorruptAudio, $"The Ogg Vorbis stream is damaged: {e.Message}");
        }

        samples -= samples % _channels;
        if (samples == 0)
        {
            if (_warnings.Count == 0)
                _warnings.Add($"The Ogg Vorbis stream ended {MessageText.N(_framesLeft)} frames before the length its last page declares.");
            _framesLeft = 0;
            return 0;
        }

        _buffer.AsSpan(0, samples).CopyTo(buffer);
        _framesLeft -= samples / _channels;
        return samples;
    }

    public void Dispose() => _reader.Dispose();
}
