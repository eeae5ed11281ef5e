namespace BroadcastHub.Playout.Relay;

/// <summary>
/// The engine's view of the house ffmpeg setting (<c>BroadcastHub:Ffmpeg:Path</c>, the same key the newsroom uses):
/// empty = <c>ffmpeg</c> on the PATH.
/// </summary>
public sealed class FfmpegLocation
{
    /// <summary>Configuration section (shared with the newsroom's decoder).</summary>
    public const string Section = "BroadcastHub:Ffmpeg";

    /// <summary>The ffmpeg executable; empty = search the PATH.</summary>
    public string Path { get; set; } = "";
}
