namespace BroadcastHub.Audio.Decoding;

/// <summary>
/// Implemented by sources that recovered from damage (garbage skipped, frames that failed to decode...).
/// The list grows while the source is read; read it after the last <c>Read</c> for the complete picture.
/// </summary>
public interface IAudioSourceWarnings
{
    /// <summary>Human-readable warnings, in the order they were found.</summary>
    IReadOnlyList<string> Warnings { get; }
}
