using BroadcastHub.Core.Library;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Where a bulletin's stored audio is (the WAV house copy when the original needs ffmpeg, which browsers may not play) and what to call it when a browser downloads or plays it.</summary>
/// <param name="Path">The content-addressed file.</param>
/// <param name="ContentType">MIME type by codec: <c>audio/mpeg</c>, <c>audio/wav</c> or <c>audio/ogg</c>.</param>
/// <param name="ETag">The quoted SHA-256: the content never changes under its address.</param>
public sealed record BulletinAudioFile(string Path, string ContentType, string ETag)
{
    /// <summary>The original of <paramref name="bulletin"/> in <paramref name="media"/>.</summary>
    public static BulletinAudioFile Of(Bulletin bulletin, MediaStore media) =>
        bulletin.HouseSha256 is { } house
            ? new(media.PathFor(house), "audio/wav", $"\"{house}\"")
            : new(media.PathFor(bulletin.Sha256), ContentTypeOf(bulletin.Codec), $"\"{bulletin.Sha256}\"");

    /// <summary>The MIME type of a codec in ffmpeg's spelling (<c>mp3</c>, <c>pcm_s16le</c>...).</summary>
    public static string ContentTypeOf(string codec) =>
        codec.Equals("mp3", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg"
        : codec.StartsWith("pcm_", StringComparison.OrdinalIgnoreCase) ? "audio/wav"
        : codec.Equals("vorbis", StringComparison.OrdinalIgnoreCase) ? "audio/ogg"
        : "application/octet-stream";
}
