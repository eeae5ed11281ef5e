using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>Small helpers shared by our <see cref="IWavePlayer"/> implementations.</summary>
internal static class WavePlayerSupport
{
    /// <summary>Runs <paramref name="action"/>; returns its exception instead of throwing.</summary>
    public static Exception? Try(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>Raises PlaybackStopped; a faulty subscriber must not take the process down with the playback thread.</summary>
    public static void RaiseStopped(EventHandler<StoppedEventArgs>? handler, object sender, Exception? error) =>
        Try(() => handler?.Invoke(sender, new StoppedEventArgs(error)));

    /// <summary>Validates a volume value.</summary>
    public static float CheckVolume(float value) =>
        value is >= 0f and <= 1f ? value : throw new ArgumentOutOfRangeException(nameof(value), "Volume must be in [0, 1].");
}
