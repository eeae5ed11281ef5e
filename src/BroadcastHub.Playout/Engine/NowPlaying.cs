using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Playout;

/// <summary>What a zone is airing right now.</summary>
public sealed record NowPlaying(Occurrence Occurrence, IReadOnlyList<PlayableItem> Items, RundownSampleProvider Rundown, DateTimeOffset StartedAt, string Output)
{
    /// <summary>The item on air at <paramref name="now"/>, judged by the frames each item began at.</summary>
    public PlayableItem? ItemAt(DateTimeOffset now) => IndexAt(now) is var i and >= 0 ? Items[i] : null;

    /// <summary>The index of the item on air at <paramref name="now"/>; -1 before the first sample.</summary>
    public int IndexAt(DateTimeOffset now)
    {
        var frame = (long)((now - StartedAt).TotalSeconds * Rundown.WaveFormat.SampleRate);
        var current = -1;
        for (var i = 0; i < Items.Count; i++)
            if (Rundown.StartFrameOf(i) >= 0 && Rundown.StartFrameOf(i) <= frame) current = i;
        return current;
    }

    /// <summary>When item <paramref name="index"/> began on air, from the frames counted.</summary>
    public DateTimeOffset StartOf(int index) =>
        Rundown.StartFrameOf(index) is var frame and > 0 ? StartedAt.AddSeconds((double)frame / Rundown.WaveFormat.SampleRate) : StartedAt;

    /// <summary>
    /// When the rundown should end, item <paramref name="index"/> being on air: each later item follows at the end of
    /// the one before, or at its not-before instant; never after the session's end.
    /// </summary>
    public DateTimeOffset ExpectedEnd(int index)
    {
        var end = StartOf(Math.Max(index, 0));
        for (var i = Math.Max(index, 0); i < Items.Count; i++)
        {
            if (i > index && Items[i].NotBeforeSeconds is { } notBefore && Occurrence.StartUtc.AddSeconds(notBefore) > end)
                end = Occurrence.StartUtc.AddSeconds(notBefore);
            end = end.AddSeconds(Items[i].Bulletin.DurationSeconds);
        }
        return end < Occurrence.EndUtc ? end : Occurrence.EndUtc;
    }
}
