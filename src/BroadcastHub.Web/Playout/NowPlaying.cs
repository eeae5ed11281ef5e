using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Playout;

/// <summary>What a zone is airing right now.</summary>
public sealed record NowPlaying(Occurrence Occurrence, IReadOnlyList<PlayableItem> Items, RundownSampleProvider Rundown, DateTimeOffset StartedAt, string Output)
{
    /// <summary>The item on air at <paramref name="now"/>, judged by the frames each item began at.</summary>
    public PlayableItem? ItemAt(DateTimeOffset now)
    {
        var frame = (long)((now - StartedAt).TotalSeconds * Rundown.WaveFormat.SampleRate);
        PlayableItem? current = null;
        for (var i = 0; i < Items.Count; i++)
            if (Rundown.StartFrameOf(i) >= 0 && Rundown.StartFrameOf(i) <= frame) current = Items[i];
        return current;
    }
}
