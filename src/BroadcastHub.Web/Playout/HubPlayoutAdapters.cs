using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Playout;

/// <summary>The hub's media: the content-addressed store the library uploads into.</summary>
public sealed class HubPlayoutMedia(MediaStore media) : IPlayoutMedia
{
    /// <inheritdoc />
    public ValueTask<MediaResolution> ResolveAsync(string sha256, CancellationToken cancel) => ValueTask.FromResult(media.Exists(sha256)
        ? MediaResolution.Found(media.PathFor(sha256))
        : MediaResolution.Unavailable("the media file is missing from the station"));
}

/// <summary>Appends through <see cref="AirtimeRepository"/>, the hub's hash chain.</summary>
public sealed class RepositoryAirtimeAppend(AirtimeRepository airtime) : IAirtimeAppend
{
    /// <inheritdoc />
    public bool TryAppend(AirtimeRecord record) => airtime.TryAppend(record);
}

/// <summary>Signs the hub chain's checkpoints (<see cref="AirtimeCheckpoints"/>).</summary>
public sealed class HubAirtimeCheckpoint(AirtimeCheckpoints checkpoints) : IAirtimeCheckpoint
{
    /// <inheritdoc />
    public void SignIfDue(int everyRecords, TimeSpan every) => checkpoints.SignIfDue(everyRecords, every);
}
