using BroadcastHub.Core.Library;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Playout;

/// <summary>
/// Everything the engine reads and writes about occurrences, given by its host: the hub's database for the embedded
/// station, the agent's local database on a station PC. The engine never asks anything else.
/// </summary>
public interface IPlayoutStore
{
    /// <summary>The occurrence, or null when it is not known (any more).</summary>
    Occurrence? FindOccurrence(long occurrenceId);

    /// <summary>Moves an occurrence to <paramref name="to"/> once (Planned → Claimed or Missed); false when another did it first.</summary>
    bool TryTransition(long occurrenceId, OccurrenceState to, DateTimeOffset at);

    /// <summary>The occurrence's rundown in position order.</summary>
    IReadOnlyList<RundownItem> Rundown(long occurrenceId);

    /// <summary>The bulletins with these ids that are known; the others are absent.</summary>
    IReadOnlyDictionary<long, Bulletin> Bulletins(IEnumerable<long> bulletinIds);

    /// <summary>The relay sources with these ids that are known (deleted ones too: a planned item still names its source); the others are absent.</summary>
    IReadOnlyDictionary<long, RelaySource> RelaySources(IEnumerable<long> ids);

    /// <summary>
    /// The bulletin ids of the commune's evergreen playlist in playlist order (empty when it has none): what fills a
    /// relay while its stream is away. The engine checks each as it checks a rundown item (<see cref="Bulletins"/>).
    /// </summary>
    IReadOnlyList<long> EvergreenBulletins(long communeId);

    /// <summary>The broadcast policy in force for the commune.</summary>
    BroadcastPolicy PolicyFor(long communeId);

    /// <summary>The output spec chosen for the zone by an operator, or null to use the configured one.</summary>
    string? ChosenOutput(long zoneId);

    /// <summary>True when this process airs <paramref name="zoneId"/>.</summary>
    bool Plays(long zoneId);

    /// <summary>Claimed occurrences that end after <paramref name="endedAfter"/>, in start order (crash recovery).</summary>
    IReadOnlyList<Occurrence> ClaimedEndingAfter(DateTimeOffset endedAfter);

    /// <summary>Positions of the occurrence already in the airtime log.</summary>
    IReadOnlySet<int> RecordedPositions(long occurrenceId);

    /// <summary>Records that <paramref name="position"/> is on air since <paramref name="itemStartedAt"/>, as of <paramref name="at"/>.</summary>
    void Beat(long occurrenceId, int position, DateTimeOffset itemStartedAt, DateTimeOffset at);

    /// <summary>The last heartbeat written for the occurrence.</summary>
    AiringProgress Progress(long occurrenceId);

    /// <summary>Claims the right to resume once more; only the caller that saw <paramref name="seenCount"/> wins.</summary>
    bool TryBeginResume(long occurrenceId, int seenCount);
}

/// <summary>What the engine last wrote about an occurrence on air.</summary>
/// <param name="Position">Rundown position on air.</param>
/// <param name="ItemStartedAt">When that item's first sample aired.</param>
/// <param name="HeartbeatAt">Last instant the engine confirmed it was still airing.</param>
/// <param name="ResumeCount">How many times the occurrence was resumed after a crash.</param>
public sealed record AiringProgress(int? Position, DateTimeOffset? ItemStartedAt, DateTimeOffset? HeartbeatAt, int ResumeCount);
