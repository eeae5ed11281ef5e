namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Thrown when a file cannot be accepted as broadcast audio. <see cref="Code"/> is a stable, machine-readable
/// code (see <see cref="AudioErrorCodes"/>); the message explains the problem to a technician in English.
/// </summary>
public sealed class AudioRejectedException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Stable error code, e.g. <c>truncated_mp3</c>.</summary>
    public string Code { get; } = code;
}
