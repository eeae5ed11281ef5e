namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Walks consecutive MPEG frames of one stream through a sliding window of the file. Frames compatible with the
/// reference header are followed by their length; anything else is skipped by resynchronising on a frame whose
/// successor is also valid. Records skipped garbage, trailing junk and a cut-off last frame.
/// </summary>
internal sealed class Mp3FrameWalker(Stream stream, long start, long end, Mp3FrameHeader reference)
{
    private const int WindowSize = 1 << 16;
    private readonly byte[] _window = new byte[WindowSize];
    private long _windowStart, _position = start;
    private int _windowLength;

    /// <summary>Offset of the current frame.</summary>
    public long FrameOffset { get; private set; }

    /// <summary>Header of the current frame.</summary>
    public Mp3FrameHeader Header { get; private set; }

    /// <summary>Bytes of the current frame (header included); valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<byte> Frame => _window.AsSpan((int)(FrameOffset - _windowStart), Header.FrameLength);

    /// <summary>Garbage regions skipped inside the stream: (offset, length).</summary>
    public List<(long Offset, long Length)> Skipped { get; } = [];

    /// <summary>Bytes after the last frame that are not a frame.</summary>
    public long TrailingJunk { get; private set; }

    /// <summary>Offset of a last frame that is cut off by the end of the data, if any.</summary>
    public long? CutFrameOffset { get; private set; }

    /// <summary>Bytes present of the cut-off frame, and the bytes it needs.</summary>
    public (long Present, int Needed) CutFrame { get; private set; }

    /// <summary>Advances to the next frame; false at the end of the stream.</summary>
    public bool MoveNext()
    {
        while (_position < end)
        {
            if (TryHeaderAt(_position, out var header))
            {
                var next = _position + header.FrameLength;
                if (next > end)
                {
                    CutFrameOffset = _position;
                    CutFrame = (end - _position, header.FrameLength);
                    _position = end;
                    return false;
                }

                Ensure(_position, header.FrameLength);
                (FrameOffset, Header, _position) = (_position, header, next);
                return true;
            }

            var found = Resync(_position + 1);
            if (found < 0)
            {
                TrailingJunk = end - _position;
                _position = end;
                return false;
            }

            Skipped.Add((_position, found - _position));
            _position = found;
        }

        return false;
    }

    private long Resync(long from)
    {
        for (var q = from; q + 4 <= end; q++)
        {
            if (!TryHeaderAt(q, out var h)) continue;
            var next = q + h.FrameLength;
            if (next == end || (next + 4 <= end && TryHeaderAt(next, out _))) return q;
        }

        return -1;
    }

    private bool TryHeaderAt(long pos, out Mp3FrameHeader header)
    {
        header = default;
        if (!Ensure(pos, 4)) return false;
        return Mp3FrameHeader.TryParse(_window.AsSpan((int)(pos - _windowStart), 4), out header)
               && header.IsCompatible(reference);
    }

    private bool Ensure(long pos, int count)
    {
        if (pos + count > end) return false;
        if (pos >= _windowStart && pos + count <= _windowStart + _windowLength) return true;
        _windowStart = pos;
        stream.Position = pos;
        _windowLength = stream.ReadAtLeast(_window, (int)Math.Min(WindowSize, end - pos), throwOnEndOfStream: false);
        return pos + count <= _windowStart + _windowLength;
    }
}
