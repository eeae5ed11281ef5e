using System.Runtime.InteropServices;
using BroadcastHub.Audio.Decoding.LayerIII;
using NAudio.Wave;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// NLayer's Layer III decoder (our corrected copy, see <c>LayerIII/README.md</c>) behind NAudio's
/// <see cref="IMp3FrameDecompressor"/>: decodes one frame at a time to
/// interleaved 32-bit float PCM. A frame that fails to decode yields silence of the frame's length (and is
/// counted in <see cref="FailedFrames"/>) so timing never shifts.
/// </summary>
public sealed class NLayerFrameDecompressor : IMp3FrameDecompressor
{
    private readonly LayerIIIDecoder _decoder = new();
    private readonly float[] _left = new float[1152], _right = new float[1152];
    private readonly MpegFrameBits _bits = new();

    /// <summary>Creates a decompressor producing float PCM at <paramref name="sampleRate"/> with <paramref name="channels"/> channels.</summary>
    public NLayerFrameDecompressor(int sampleRate, int channels) =>
        OutputFormat = WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels);

    /// <summary>IEEE float PCM at the stream's rate and channel count.</summary>
    public WaveFormat OutputFormat { get; }

    /// <summary>Frames that could not be decoded and were replaced by silence.</summary>
    public int FailedFrames { get; private set; }

    /// <summary>Decodes <paramref name="frame"/> into <paramref name="dest"/> (bytes of floats); returns bytes written.</summary>
    public int DecompressFrame(Mp3Frame frame, byte[] dest, int destOffset) =>
        DecompressFrame(frame, dest.AsSpan(destOffset));

    /// <summary>Decodes <paramref name="frame"/> into <paramref name="dest"/> (bytes of floats); returns bytes written.</summary>
    public int DecompressFrame(Mp3Frame frame, Span<byte> dest)
    {
        ArgumentNullException.ThrowIfNull(frame.RawData);
        if (!Mp3FrameHeader.TryParse(frame.RawData, out var header))
            throw new InvalidDataException("Not a valid MPEG audio frame header.");
        return 4 * Decode(frame.RawData, header, MemoryMarshal.Cast<byte, float>(dest));
    }

    /// <summary>Tells the decoder the stream was repositioned: clears the bit reservoir and filter state.</summary>
    public void Reset() => _decoder.ResetForSeek();

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }

    /// <summary>Decodes one frame; always returns <c>SamplesPerFrame × channels</c> samples.</summary>
    internal int Decode(ReadOnlySpan<byte> frame, in Mp3FrameHeader header, Span<float> dest)
    {
        var count = header.SamplesPerFrame * OutputFormat.Channels;
        int written;
        try
        {
            _bits.Load(frame, header);
            written = header.Channels == OutputFormat.Channels ? DecodeLayerIII(dest) : 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IndexOutOfRangeException
                                       or ArgumentException or NullReferenceException)
        {
            written = -1;
        }

        if (written < count) FailedFrames += written < 0 ? 1 : 0;
        if (written < count) dest[Math.Max(0, written)..count].Clear();
        return count;
    }

    private int DecodeLayerIII(Span<float> dest)
    {
        var frames = _decoder.DecodeFrame(_bits, _left, _right);
        if (OutputFormat.Channels == 1)
        {
            _left.AsSpan(0, frames).CopyTo(dest);
            return frames;
        }

        for (var i = 0; i < frames; i++) (dest[2 * i], dest[2 * i + 1]) = (_left[i], _right[i]);
        return 2 * frames;
    }
}
