using BroadcastHub.Audio.Decoding.Ffmpeg;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout.Relay;

/// <summary>What the engine needs to air relays: streams, fill (<see cref="RelayFills"/>), recordings and alerts, from the host's settings.</summary>
public sealed class RelayAir(
    IPlayoutStore store, IPlayoutMedia media, IOptions<RelayOptions> options, IOptions<FfmpegLocation> ffmpeg, IOptions<PlayoutOptions> playout,
    ZoneOutputs outputs, StationClock clock, RelayAlerts alerts, ILogger<RelayAir> log)
{
    internal RelayOptions Options => options.Value;
    internal StationClock Clock => clock;
    internal RelayAlerts Alerts => alerts;
    internal string DataPath => playout.Value.FullDataPath;

    /// <summary>Starts opening the relay streams of <paramref name="planned"/> (none: a no-op) ahead of their slots.</summary>
    public RelayStreams Prepare(Occurrence occ, IEnumerable<PlannedItem> planned)
    {
        var relays = planned.Where(p => p.Item.IsRelay).ToList();
        var sources = relays.Count == 0 ? new Dictionary<long, RelaySource>() : store.RelaySources(relays.Select(r => r.Item.Relay!.SourceId).Distinct());
        return new RelayStreams(this, occ, relays, sources);
    }

    /// <summary>The fill of <paramref name="occ"/>'s relay gaps (evergreen playlist, else fill bulletin, else silence).</summary>
    internal Task<RelayFill> FillAsync(Occurrence occ, CancellationToken cancel) =>
        new RelayFills(store, media, options.Value, playout.Value, outputs.HouseFormat, log).ForAsync(occ, cancel);

    /// <summary>Silence, until the fill is chosen.</summary>
    internal RelayFill Silence() => RelayFill.Silence(outputs.HouseFormat.SampleRate, outputs.HouseFormat.Channels);

    /// <summary>Opens the stream of a relay item now (and its recording), wiring its alerts.</summary>
    internal (LiveStream, RelayRecording?) Open(Occurrence occ, PlannedItem item, RelaySource source)
    {
        var house = outputs.HouseFormat;
        var exe = new FfmpegTools(ffmpeg.Value.Path).Ffmpeg;
        var name = source.Name;
        // Without ffmpeg the stream fails to start, the fill airs and the alert names the package to install.
        var stream = new LiveStream(exe ?? (string.IsNullOrWhiteSpace(ffmpeg.Value.Path) ? "ffmpeg" : ffmpeg.Value.Path), source.Url, house,
            TimeSpan.FromSeconds(options.Value.ReconnectMaxSeconds), clock.Time, log);
        stream.ConnectionLost += error =>
        {
            var why = exe is null ? $"ffmpeg is not installed (install the '{FfmpegTools.Package}' package)" : error;
            Raise(occ, item, name, why);
        };
        stream.AudioArrived += () => alerts.Clear(occ.Id, item.Item.Position);
        RelayRecording? recording = null;
        if (exe is not null)
        {
            var path = RelayRecordingPaths.For(playout.Value.RecordingsPath, occ.LocalDate, occ.Id, item.Item.Position);
            recording = RelayRecording.Start(exe, path, house, log);
        }
        log.LogInformation("Occurrence {Id}: relay {Name} at position {Position} opening for {Start:O}", occ.Id, name, item.Item.Position, item.Start);
        return (stream, recording);
    }

    /// <summary>Raises the alert of a relay item that cannot be reached.</summary>
    internal void Raise(Occurrence occ, PlannedItem item, string sourceName, string why)
    {
        alerts.Raise(new RelayAlert(occ.ZoneId, occ.Id, item.Item.Position, sourceName, why, item.Start, occ.EndUtc));
        log.LogWarning("Occurrence {Id}: relay {Name} at position {Position} cannot be reached: {Error}", occ.Id, sourceName, item.Item.Position, why);
    }
}
