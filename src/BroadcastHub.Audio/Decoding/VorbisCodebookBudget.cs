using static BroadcastHub.Audio.Decoding.MessageText;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Walks the codebooks at the start of a Vorbis setup header (Vorbis I §3.2.1) and adds up the table entries a
/// decoder will allocate for them. An "ordered" codebook can declare 16 million entries in a few bits, so a
/// small forged header could make NVorbis allocate gigabytes; such a header is refused first.
/// </summary>
internal static class VorbisCodebookBudget
{
    /// <summary>Most codebook table entries (entries, or entries × dimensions when it has a lookup table) in all books.</summary>
    public const long MaxEntries = 1 << 20;

    private const int Sync = 0x564342;

    /// <summary>Throws <see cref="AudioErrorCodes.InvalidVorbisHeader"/> or <see cref="AudioErrorCodes.OversizedHeader"/>.</summary>
    public static void Check(ReadOnlySpan<byte> setup)
    {
        if (setup.Length < 8 || setup[0] != 5 || !setup[1..7].SequenceEqual("vorbis"u8))
            throw Invalid("its setup header is missing or damaged");
        var bits = new LsbBitReader(setup[7..]);
        var books = bits.Read(8) + 1;
        long total = 0;
        for (var book = 0; book < books; book++)
        {
            total += ReadCodebook(ref bits, book);
            if (total > MaxEntries)
                throw new AudioRejectedException(AudioErrorCodes.OversizedHeader,
                    $"The Ogg Vorbis setup header declares codebooks with more than {N(MaxEntries)} entries in all, " +
                    "far more than any encoder writes. The file is forged or damaged; export it again.");
        }
    }

    private static long ReadCodebook(ref LsbBitReader bits, int book)
    {
        if (bits.Read(24) != Sync) throw Invalid($"codebook {book} does not start with the codebook sync pattern");
        var dimensions = bits.Read(16);
        var entries = bits.Read(24);
        if (bits.Read(1) == 1) ReadOrderedLengths(ref bits, entries, book);
        else ReadLengths(ref bits, entries);
        var lookup = bits.Read(4);
        if (lookup == 0) return entries;
        if (lookup > 2) throw Invalid($"codebook {book} has lookup type {lookup}");
        bits.Skip(64);
        var valueBits = bits.Read(4) + 1;
        bits.Skip(1);
        var values = lookup == 1 ? Lookup1Values(entries, dimensions) : (long)entries * dimensions;
        bits.Skip(values * valueBits);
        return Math.Max(entries, (long)entries * dimensions);
    }

    private static void ReadLengths(ref LsbBitReader bits, int entries)
    {
        var sparse = bits.Read(1) == 1;
        for (var i = 0; i < entries; i++)
            if (!sparse || bits.Read(1) == 1) bits.Skip(5);
    }

    private static void ReadOrderedLengths(ref LsbBitReader bits, int entries, int book)
    {
        var length = bits.Read(5) + 1;
        for (var entry = 0; entry < entries; length++)
        {
            if (length > 32) throw Invalid($"codebook {book} has codewords longer than 32 bits");
            entry += bits.Read(ILog(entries - entry));
            if (entry > entries) throw Invalid($"codebook {book} lists more codeword lengths than entries");
        }
    }

    private static long Lookup1Values(int entries, int dimensions)
    {
        if (dimensions == 0) return 0;
        var r = (long)Math.Floor(Math.Pow(entries, 1.0 / dimensions));
        while (r > 0 && Math.Pow(r, dimensions) > entries) r--;
        while (Math.Pow(r + 1, dimensions) <= entries) r++;
        return r;
    }

    private static int ILog(int value) => value <= 0 ? 0 : 32 - int.LeadingZeroCount(value);

    private static AudioRejectedException Invalid(string why) =>
        new(AudioErrorCodes.InvalidVorbisHeader, $"The Ogg Vorbis file is damaged or forged: {why}. Export it again.");

    /// <summary>Reads bits least-significant first, as Vorbis packs them; past the end is a damaged header.</summary>
    private ref struct LsbBitReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private long _position;

        public int Read(int count)
        {
            if (_position + count > _data.Length * 8L) throw Invalid("its setup header ends inside a codebook");
            var value = 0;
            for (var i = 0; i < count; i++, _position++)
                value |= ((_data[(int)(_position >> 3)] >> (int)(_position & 7)) & 1) << i;
            return value;
        }

        public void Skip(long count)
        {
            if (count < 0 || _position + count > _data.Length * 8L) throw Invalid("its setup header ends inside a codebook");
            _position += count;
        }
    }
}
