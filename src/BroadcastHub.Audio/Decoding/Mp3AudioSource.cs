using static BroadcastHub.Audio.Decoding.MessageText;
using NAudio.Wave;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Streams an MP3 file frame by frame through NLayer, trimmed to its true (gapless) length.</summary>
internal sealed class Mp3AudioSource : IAudioSource, IAudioSourceWarnings
{
    private const int MaxReportedFailures = 5;
    private readonly Stream _stream;
    private readonly Mp3StreamInfo _info;
    private readonly Mp3FrameWalker _walker;
    private readonly NLayerFrameDecompressor _decompressor;
    private readonly float[] _pcm = new float[1152 * 2];
    private readonly List<string> _warnings;
    private int _pcmPos, _pcmLength, _skipsSeen;
    private long _skipFrames, _framesLeft;
    private bool _atFirstFrame = true;

    public Mp3AudioSource(Stream stream, Mp3StreamInfo info)
    {
        _stream = stream;
        _info = info;
        _walker = new Mp3FrameWalker(stream, info.FirstFrameOffset, info.AudioEnd, info.Reference);
        _decompressor = new NLayerFrameDecompressor(info.Reference.SampleRate, info.Reference.Channels);
        _skipFrames = info.SkipFrames;
        _framesLeft = info.TotalFrames;
        _warnings = [.. info.Warnings];
        WaveFormat = _decompressor.OutputFormat;
    }

    public WaveFormat WaveFormat { get; }

    public string Codec => "mp3";

    public long? TotalFrames => _info.TotalFrames;

    public IReadOnlyList<string> Warnings => _warnings;

    public int Read(Span<float> buffer)
    {
        var channels = WaveFormat.Channels;
        if (buffer.Length < channels && buffer.Length > 0)
            throw new ArgumentException($"Read at least one frame ({channels} samples).", nameof(buffer));
        var wanted = (int)Math.Min(buffer.Length / channels, _framesLeft) * channels;
        var written = 0;
        while (written < wanted)
        {
            if (_pcmPos == _pcmLength && !DecodeNext()) break;
            var n = Math.Min(_pcmLength - _pcmPos, wanted - written);
            _pcm.AsSpan(_pcmPos, n).CopyTo(buffer[written..]);
            (_pcmPos, written) = (_pcmPos + n, written + n);
        }

        _framesLeft -= written / channels;
        return written;
    }

    private bool DecodeNext()
    {
        while (_walker.MoveNext())
        {
            var first = _atFirstFrame;
            _atFirstFrame = false;
            if (first && _info.HasInfoFrame) continue;
            if (_walker.Skipped.Count != _skipsSeen)
            {
                _skipsSeen = _walker.Skipped.Count;
                _decompressor.Reset();
            }

            var failedBefore = _decompressor.FailedFrames;
            _pcmLength = _decompressor.Decode(_walker.Frame, _walker.Header, _pcm);
            if (_decompressor.FailedFrames != failedBefore) ReportFailure(_walker.FrameOffset);
            var skip = (int)Math.Min(_skipFrames * WaveFormat.Channels, _pcmLength);
            _skipFrames -= skip / WaveFormat.Channels;
            _pcmPos = skip;
            if (_pcmPos < _pcmLength) return true;
        }

        return false;
    }

    private void ReportFailure(long offset)
    {
        var failures = _decompressor.FailedFrames;
        if (failures <= MaxReportedFailures)
            _warnings.Add($"The MP3 frame at byte {N(offset)} could not be decoded and was replaced by silence.");
        else if (failures == MaxReportedFailures + 1)
            _warnings.Add("More MP3 frames could not be decoded and were replaced by silence.");
    }

    public void Dispose() => _stream.Dispose();
}
