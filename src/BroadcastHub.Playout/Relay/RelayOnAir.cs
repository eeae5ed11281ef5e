using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// One relay item's audio chain: stream (or fill) → short-term leveller → true-peak limiter → tee to its recording.
/// What the airtime record needs (outages, recording) is read from here after air.
/// </summary>
public sealed class RelayOnAir
{
    private readonly RelayRecording? _recording;
    private readonly string _dataPath;

    internal RelayOnAir(RelayItemProvider provider, RelayRecording? recording, LoudnessTarget target, double levellerMaxGainDb, string dataPath)
    {
        (Provider, _recording, _dataPath) = (provider, recording, dataPath);
        ISampleProvider chain = provider;
        if (target.Enabled)
            chain = new TruePeakLimiterSampleProvider(new ShortTermLeveller(chain, target.TargetLufs, levellerMaxGainDb),
                target.TruePeakCeilingDbtp, target.LookAhead, target.Release);
        if (recording is not null) chain = new RecordingTee(chain, recording);
        Chain = new OwnedSampleProvider(chain, provider);
    }

    /// <summary>The item's samples for the rundown (disposing it closes the fill, not the stream).</summary>
    public ISampleProvider Chain { get; }

    /// <summary>The booked frames with their outage accounting.</summary>
    public RelayItemProvider Provider { get; }

    /// <summary>Finishes the recording; its path relative to the data folder, or null when none was made.</summary>
    public string? CompleteRecording() =>
        _recording?.Complete() is { } full ? Path.GetRelativePath(_dataPath, full).Replace('\\', '/') : null;
}
