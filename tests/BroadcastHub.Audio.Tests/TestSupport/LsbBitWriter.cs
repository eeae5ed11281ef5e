namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Packs values least-significant bit first, as Vorbis headers are packed.</summary>
public sealed class LsbBitWriter
{
    private readonly List<byte> _bytes = [];
    private int _bit;

    /// <summary>Appends the low <paramref name="count"/> bits of <paramref name="value"/>.</summary>
    public void Write(long value, int count)
    {
        for (var i = 0; i < count; i++, _bit++)
        {
            if (_bit % 8 == 0) _bytes.Add(0);
            if (((value >> i) & 1) == 1) _bytes[^1] |= (byte)(1 << (_bit % 8));
        }
    }

    /// <summary>The bytes written so far (the last one padded with zero bits).</summary>
    public byte[] ToArray() => [.. _bytes];
}
