using NLayer;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Presents one MPEG frame held in a reusable buffer to NLayer's decoder as an <see cref="IMpegFrame"/>.</summary>
internal sealed class MpegFrameBits : IMpegFrame
{
    private readonly byte[] _data = new byte[8192];
    private Mp3FrameHeader _header;
    private int _readOffset, _bitsInBucket;
    private ulong _bucket;

    /// <summary>Copies the frame (header included) and its parsed header in.</summary>
    public void Load(ReadOnlySpan<byte> frame, in Mp3FrameHeader header)
    {
        frame[..header.FrameLength].CopyTo(_data);
        _header = header;
        Reset();
    }

    public int SampleRate => _header.SampleRate;
    public int SampleRateIndex => _header.SampleRateIndex;
    public int FrameLength => _header.FrameLength;
    public int BitRate => _header.Bitrate;
    public MpegVersion Version => (MpegVersion)_header.Version;
    public MpegLayer Layer => (MpegLayer)_header.Layer;
    public MpegChannelMode ChannelMode => (MpegChannelMode)_header.ChannelMode;
    public int ChannelModeExtension => _header.ModeExtension;
    public int SampleCount => _header.SamplesPerFrame;
    public int BitRateIndex => _header.BitrateIndex;
    public bool IsCopyrighted => _header.Copyright;
    public bool HasCrc => _header.HasCrc;
    public bool IsCorrupted => false;

    public void Reset()
    {
        _readOffset = _header.HasCrc ? 6 : 4;
        _bitsInBucket = 0;
        _bucket = 0;
    }

    public int ReadBits(int bitCount)
    {
        if (bitCount is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(bitCount));
        while (_bitsInBucket < bitCount)
        {
            if (_readOffset >= _header.FrameLength) throw new EndOfStreamException("MPEG frame has no more bits.");
            _bucket = (_bucket << 8) | _data[_readOffset++];
            _bitsInBucket += 8;
        }

        var value = (int)((_bucket >> (_bitsInBucket - bitCount)) & ((1UL << bitCount) - 1));
        _bitsInBucket -= bitCount;
        return value;
    }
}
