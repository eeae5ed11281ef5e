using static BroadcastHub.Audio.Decoding.MessageText;
using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding;

/// <summary>Walks the chunks of a little-endian RIFF/WAVE file to find <c>fmt </c> and <c>data</c>.</summary>
internal static class WavHeaderReader
{
    /// <summary>Reads the layout of the WAV file in <paramref name="stream"/>, or throws <see cref="AudioRejectedException"/>.</summary>
    public static WavLayout Read(Stream stream, long fileLength)
    {
        (WavSampleEncoding Encoding, int Rate, int Channels, int BlockAlign)? format = null;
        long? dataOffset = null, dataLength = null;
        Span<byte> head = stackalloc byte[8];
        long pos = 12;
        var afterPad = false;
        while (pos + 8 <= fileLength && (format is null || dataOffset is null))
        {
            ReadAt(stream, pos, head);
            if (afterPad && !IsPlausible(head, pos, fileLength))
            {
                ReadAt(stream, pos - 1, head);
                if (IsPlausible(head, pos - 1, fileLength)) pos--; // writer omitted the pad byte after an odd-sized chunk
                else ReadAt(stream, pos, head);
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
            var body = pos + 8;
            var id = head[..4];
            if (id.SequenceEqual("fmt "u8))
            {
                if (size > fileLength - body) throw ChunkTooLarge("fmt ", size, fileLength - body);
                var fmt = new byte[(int)Math.Min(size, Math.Min(64, fileLength - body))];
                ReadAt(stream, body, fmt);
                format = WavFormatChunk.Parse(fmt);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var present = fileLength - body;
                if (size > present) throw Truncated(size, present);
                (dataOffset, dataLength) = (body, size);
            }
            else if (body + size > fileLength)
            {
                break; // a damaged or unfinished trailing chunk: nothing useful can follow it
            }

            afterPad = (size & 1) == 1;
            pos = body + size + (size & 1);
        }

        if (format is not { } f)
            throw new AudioRejectedException(AudioErrorCodes.CorruptAudio,
                "The WAV file has no fmt chunk, so its sample format is unknown. The file is damaged.");
        if (dataOffset is not { } offset || dataLength is not { } length || length < f.BlockAlign)
            throw new AudioRejectedException(AudioErrorCodes.NoAudio, "The WAV file contains no audio samples.");
        return new WavLayout(f.Encoding, f.Rate, f.Channels, f.BlockAlign, offset, length);
    }

    private static AudioRejectedException Truncated(uint claimed, long present)
    {
        var placeholder = claimed == uint.MaxValue
            ? " (0xFFFFFFFF is the placeholder of a recording that was never finalised)"
            : "";
        return new AudioRejectedException(AudioErrorCodes.TruncatedWav,
            $"The WAV header claims {N(claimed)} bytes of audio data but only {N(present)} bytes are present{placeholder} " +
            "— the upload was probably interrupted, or the file is incomplete. Upload the complete file again.");
    }

    private static AudioRejectedException ChunkTooLarge(string id, uint claimed, long present) =>
        new(AudioErrorCodes.InvalidChunkSize,
            $"The WAV file's '{id.Trim()}' chunk claims {N(claimed)} bytes but only {N(present)} bytes follow it. The file is damaged.");

    private static bool IsPlausible(ReadOnlySpan<byte> head, long pos, long fileLength) =>
        IsChunkId(head[..4]) && BinaryPrimitives.ReadUInt32LittleEndian(head[4..]) <= fileLength - pos - 8;

    private static bool IsChunkId(ReadOnlySpan<byte> id)
    {
        foreach (var b in id)
            if (b < 0x20 || b > 0x7E) return false;
        return true;
    }

    private static void ReadAt(Stream stream, long pos, Span<byte> into)
    {
        stream.Position = pos;
        stream.ReadExactly(into);
    }
}
