using System.Buffers.Binary;
using static BroadcastHub.Audio.Decoding.MessageText;

namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Reads the Vorbis comment and setup header packets page by page before NVorbis does, so the sizes they claim
/// are checked against the bytes really present (NVorbis allocates whatever a comment header's lengths say).
/// Memory used is one page buffer plus the two packets, all bounded.
/// </summary>
internal static class VorbisHeaderPackets
{
    private const int PageHeaderLength = 27;
    private const int MaxPageBody = 255 * 255;

    /// <summary>Checks the two header packets that follow the identification page ending at <paramref name="offset"/>.</summary>
    public static void Check(Stream stream, long offset, long length)
    {
        var page = new byte[PageHeaderLength + 255 + MaxPageBody];
        using var comment = new MemoryStream();
        using var setup = new MemoryStream();
        var packet = 0;
        long packetBytes = 0;
        while (true)
        {
            var body = ReadPage(stream, offset, length, page, out var headerLength);
            var lacing = page.AsSpan(PageHeaderLength, headerLength - PageHeaderLength);
            var at = headerLength;
            foreach (var lace in lacing)
            {
                packetBytes += lace;
                (packet == 0 ? comment : setup).Write(page, at, lace);
                at += lace;
                var limit = packet == 0 ? AudioLimits.MaxVorbisCommentBytes : AudioLimits.MaxVorbisSetupBytes;
                if (packetBytes > limit) throw Oversized(packet == 0 ? "comment" : "setup", limit);
                if (lace == 255) continue;
                if (packet == 1)
                {
                    VorbisCodebookBudget.Check(setup.GetBuffer().AsSpan(0, (int)setup.Length));
                    return;
                }

                CheckComment(comment.GetBuffer().AsSpan(0, (int)comment.Length));
                (packet, packetBytes) = (1, 0);
            }

            offset += headerLength + body;
        }
    }

    private static int ReadPage(Stream stream, long offset, long length, byte[] page, out int headerLength)
    {
        if (offset + PageHeaderLength > length) throw EndsInHeaders();
        stream.Position = offset;
        stream.ReadExactly(page, 0, PageHeaderLength);
        if (!page.AsSpan(0, 4).SequenceEqual("OggS"u8)) throw Invalid($"no Ogg page where one must start (byte {N(offset)})");
        headerLength = PageHeaderLength + page[26];
        stream.ReadExactly(page, PageHeaderLength, page[26]);
        var body = 0;
        foreach (var lace in page.AsSpan(PageHeaderLength, page[26])) body += lace;
        if (offset + headerLength + body > length) throw EndsInHeaders();
        stream.ReadExactly(page, headerLength, body);
        return body;
    }

    private static void CheckComment(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 7 + 8 || packet[0] != 3 || !packet[1..7].SequenceEqual("vorbis"u8))
            throw Invalid("its comment header is missing or damaged");
        var rest = packet[7..];
        rest = SkipString(rest, "encoder name");
        if (rest.Length < 4) throw Invalid("its comment header ends before the number of comments");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        rest = rest[4..];
        if (count > rest.Length / 4)
            throw Invalid($"its comment header claims {N(count)} comments in {N(rest.Length)} bytes");
        for (var i = 0; i < count; i++) rest = SkipString(rest, "comment");
    }

    private static ReadOnlySpan<byte> SkipString(ReadOnlySpan<byte> rest, string what)
    {
        if (rest.Length < 4) throw Invalid($"its comment header ends before a {what}'s length");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        if (length > rest.Length - 4)
            throw Invalid($"its comment header claims a {what} of {N(length)} bytes but only {N(rest.Length - 4)} follow");
        return rest[(4 + (int)length)..];
    }

    private static AudioRejectedException EndsInHeaders() =>
        new(AudioErrorCodes.TruncatedOgg,
            "The Ogg Vorbis file is cut short (an interrupted upload?): it ends inside its header packets. Upload the complete file again.");

    private static AudioRejectedException Invalid(string why) =>
        new(AudioErrorCodes.InvalidVorbisHeader, $"The Ogg Vorbis file is damaged or forged: {why}. Export it again.");

    private static AudioRejectedException Oversized(string which, int limit) =>
        new(AudioErrorCodes.OversizedHeader,
            $"The Ogg Vorbis {which} header is larger than {N(limit)} bytes, more than any encoder writes. " +
            "Export it again without large embedded tags or pictures.");
}
