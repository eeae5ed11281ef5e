namespace BroadcastHub.Core.Relay;

/// <summary>A live stream (Icecast/Shoutcast MP3, AAC, Ogg, or an HLS playlist) a session can relay (tiếp sóng).</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Unique display name, e.g. "VOV1".</param>
/// <param name="Url">Absolute http(s) URL of the stream.</param>
/// <param name="CreatedUtc">When it was added.</param>
/// <param name="UpdatedUtc">When its name or URL last changed.</param>
public sealed record RelaySource(long Id, string Name, string Url, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);
