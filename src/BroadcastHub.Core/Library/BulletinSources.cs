namespace BroadcastHub.Core.Library;

/// <summary>How a bulletin was made (<see cref="Bulletin.SourceKind"/>).</summary>
public static class BulletinSources
{
    /// <summary>A file uploaded from the library page or the API.</summary>
    public const string Upload = "upload";
    /// <summary>Recorded with the browser's microphone on the library page (uploaded through the same endpoint).</summary>
    public const string Recording = "recording";
    /// <summary>Read out by a text-to-speech voice.</summary>
    public const string Tts = "tts";

    /// <summary>True for one of the three kinds.</summary>
    public static bool IsKnown(string? kind) => kind is Upload or Recording or Tts;
}
