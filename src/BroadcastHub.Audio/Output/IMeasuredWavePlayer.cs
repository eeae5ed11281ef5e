using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// A wave player that measures, from the device's own point of view, when its first frame was heard and
/// how many frames it delivered. <see cref="WavePlayerOutput"/> uses it for honest playout reports.
/// </summary>
public interface IMeasuredWavePlayer : IWavePlayer
{
    /// <summary>Expected time from <see cref="IWavePlayer.Play"/> to the first frame being heard.</summary>
    TimeSpan StartLatency { get; }

    /// <summary>Measured instant (UTC) the first frame was heard, once known.</summary>
    DateTimeOffset? FirstFrameAt { get; }

    /// <summary>Measured instant (UTC) the last frame left, once playback has stopped.</summary>
    DateTimeOffset? LastFrameAt { get; }

    /// <summary>Frames actually delivered to the listener (final once playback has stopped).</summary>
    long FramesPlayed { get; }
}
