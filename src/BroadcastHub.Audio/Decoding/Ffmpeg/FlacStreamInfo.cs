using System.Buffers.Binary;

namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>The total length a native FLAC file declares in its STREAMINFO block (0 when the encoder did not know it).</summary>
internal static class FlacStreamInfo
{
    /// <summary>Declared sample frames, or 0 when unknown or unreadable.</summary>
    public static long DeclaredFrames(string path)
    {
        Span<byte> head = stackalloc byte[26];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || (head[4] & 0x7F) != 0) return 0;
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(head[18..26]) & 0xF_FFFF_FFFF);
    }

    /// <summary>Throws the FLAC truncation code when fewer frames decoded than the file declares.</summary>
    public static void CheckComplete(string path, long decodedFrames)
    {
        var declared = DeclaredFrames(path);
        if (declared > 0 && decodedFrames < declared)
            throw new AudioRejectedException(FfmpegErrorCodes.TruncatedFlac,
                $"The FLAC file declares {MessageText.N(declared)} frames but only {MessageText.N(decodedFrames)} decode: it is cut short " +
                "(an interrupted upload?). Upload the complete file again.");
    }
}
