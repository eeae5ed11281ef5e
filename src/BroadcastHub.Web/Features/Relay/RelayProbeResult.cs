namespace BroadcastHub.Web.Features.Relay;

/// <summary>What a probe found (<c>POST /api/relay-sources/{id}/probe</c>).</summary>
/// <param name="Reachable">Always true in an answer (a source that is not is refused with its code).</param>
/// <param name="Codec">ffmpeg's name of the audio codec (mp3, aac, vorbis, opus…).</param>
/// <param name="SampleRate">Hz.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="Bitrate">Bits per second when the stream says; null when it does not.</param>
/// <param name="LatencyMs">How long opening the stream and identifying its audio took.</param>
public sealed record RelayProbeResult(bool Reachable, string Codec, int SampleRate, int Channels, long? Bitrate, long LatencyMs);
