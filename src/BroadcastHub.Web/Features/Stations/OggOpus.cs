namespace BroadcastHub.Web.Features.Stations;

/// <summary>Recognises an Ogg Opus file by its first page: <c>OggS</c>, a beginning-of-stream page whose packet is <c>OpusHead</c>.</summary>
public static class OggOpus
{
    /// <summary>True when the file at <paramref name="path"/> starts as Ogg Opus does.</summary>
    public static async Task<bool> IsOggOpusAsync(string path, CancellationToken ct)
    {
        var head = new byte[27 + 255 + 8];
        int read;
        await using (var file = File.OpenRead(path))
            read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read < 27 + 1 + 8 || !head.AsSpan(0, 4).SequenceEqual("OggS"u8) || (head[5] & 0x02) == 0) return false;
        var packet = 27 + head[26];
        return read >= packet + 8 && head.AsSpan(packet, 8).SequenceEqual("OpusHead"u8);
    }
}
