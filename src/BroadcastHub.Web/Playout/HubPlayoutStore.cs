using BroadcastHub.Core.Library;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Playout;

/// <summary>The engine's store on the hub: the app database's repositories, for the zones this process plays.</summary>
public sealed class HubPlayoutStore(
    OccurrenceRepository occurrences, BulletinRepository bulletins, Policies policies, StationRepository stations, ThisStation station,
    AirtimeRecoveryQuery claimed, AirtimeRepository airtime, OccurrenceProgressRepository progress, RelaySourceRepository relaySources,
    CommuneProgrammeRepository programmes) : IPlayoutStore
{
    /// <inheritdoc />
    public Occurrence? FindOccurrence(long occurrenceId) => occurrences.Find(occurrenceId);

    /// <inheritdoc />
    public bool TryTransition(long occurrenceId, OccurrenceState to, DateTimeOffset at) => occurrences.TryTransition(occurrenceId, to, at);

    /// <inheritdoc />
    public IReadOnlyList<RundownItem> Rundown(long occurrenceId) => occurrences.Rundown(occurrenceId);

    /// <inheritdoc />
    public IReadOnlyDictionary<long, Bulletin> Bulletins(IEnumerable<long> bulletinIds) => bulletins.FindMany(bulletinIds);

    /// <inheritdoc />
    public IReadOnlyDictionary<long, RelaySource> RelaySources(IEnumerable<long> ids) => relaySources.FindMany(ids);

    /// <inheritdoc />
    public IReadOnlyList<long> EvergreenBulletins(long communeId) => programmes.EvergreenBulletinIds(communeId);

    /// <inheritdoc />
    public BroadcastPolicy PolicyFor(long communeId) => policies.ForCommune(communeId);

    /// <inheritdoc />
    public string? ChosenOutput(long zoneId) => stations.OutputByZone().TryGetValue(zoneId, out var spec) ? spec : null;

    /// <inheritdoc />
    public bool Plays(long zoneId) => station.Plays(zoneId);

    /// <inheritdoc />
    public IReadOnlyList<Occurrence> ClaimedEndingAfter(DateTimeOffset endedAfter) => claimed.ClaimedEndingAfter(endedAfter);

    /// <inheritdoc />
    public IReadOnlySet<int> RecordedPositions(long occurrenceId) => airtime.RecordedPositions(occurrenceId);

    /// <inheritdoc />
    public void Beat(long occurrenceId, int position, DateTimeOffset itemStartedAt, DateTimeOffset at) =>
        progress.Beat(occurrenceId, position, itemStartedAt, at);

    /// <inheritdoc />
    public AiringProgress Progress(long occurrenceId)
    {
        var p = progress.Get(occurrenceId);
        return new AiringProgress(p.Position, p.ItemStartedAt, p.HeartbeatAt, p.ResumeCount);
    }

    /// <inheritdoc />
    public bool TryBeginResume(long occurrenceId, int seenCount) => progress.TryBeginResume(occurrenceId, seenCount);
}
