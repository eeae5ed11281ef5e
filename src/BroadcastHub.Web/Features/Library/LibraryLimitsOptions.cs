namespace BroadcastHub.Web.Features.Library;

/// <summary>The <c>BroadcastHub:Library</c> configuration section: how much work the library does at once.</summary>
public sealed class LibraryLimitsOptions
{
    public const string Section = "BroadcastHub:Library";

    /// <summary>Uploads decoded and analysed at the same time; others wait their turn.</summary>
    public int MaxConcurrentAnalyses { get; set; } = 2;

    /// <summary>Uploads that may wait for an analysis; beyond them an upload is refused (503 <c>upload_queue_full</c>).</summary>
    public int MaxQueuedAnalyses { get; set; } = 8;

    /// <summary>Waveforms (bulletin × resolution) kept in memory; the least recently used is dropped first.</summary>
    public int WaveformCacheEntries { get; set; } = 96;
}
