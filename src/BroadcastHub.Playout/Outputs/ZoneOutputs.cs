using System.Collections.Concurrent;
using BroadcastHub.Audio.Output;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NAudio.Wave;

namespace BroadcastHub.Playout;

/// <summary>Output state of one zone, for the dashboard and /health.</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="Spec">The spec it opens.</param>
/// <param name="Description">What the output says it is.</param>
/// <param name="State"><c>ready</c>, <c>error</c> or <c>fallback</c>.</param>
/// <param name="Warning">A warning from opening it.</param>
/// <param name="LastError">The last playback error, until a session airs cleanly.</param>
/// <param name="RefusedSpec">A spec stored for the zone that is not on <see cref="OutputSpecAllowList"/>: never opened; the
/// configured output plays instead.</param>
public sealed record ZoneOutputState(long ZoneId, string Spec, string? Description, string State, string? Warning, string? LastError,
    string? RefusedSpec = null);

/// <summary>Creates each zone's output from configuration and remembers how it went.</summary>
public sealed class ZoneOutputs(IOptions<PlayoutOptions> options, IPlayoutStore store, StationClock clock, ILogger<ZoneOutputs> log)
{
    private readonly PlayoutOptions _options = options.Value;
    private readonly ConcurrentDictionary<long, ZoneOutputState> _states = new();
    private readonly UnpluggedDevices _unplugged = new();

    /// <summary>The house format every zone plays.</summary>
    public WaveFormat HouseFormat => WaveFormat.CreateIeeeFloatWaveFormat(_options.HouseFormat.SampleRate, _options.HouseFormat.Channels);

    /// <summary>Times a zone's output is reopened after it fails, before the fallback: <c>BroadcastHub:Outputs:Retries</c>, default 2.</summary>
    public int Retries => _options.OutputRetries;

    /// <summary>Wait before each reopening: <c>BroadcastHub:Outputs:RetryDelayMilliseconds</c>, default 500.</summary>
    public TimeSpan RetryDelay => _options.OutputRetryDelay;

    /// <summary>The output spec of a zone: the one chosen on the stations page, else the configuration's.</summary>
    public string SpecFor(long zoneId) => Resolve(zoneId).Spec;

    /// <summary>Null when <paramref name="spec"/> may be chosen from the web; else the part that is not allowed.</summary>
    public static string? NotAllowedPart(string spec) => OutputSpecAllowList.Refusal(spec, ListedDevices);

    private static IReadOnlyCollection<string> ListedDevices() => PlayoutOutputFactory.ListDevices();

    /// <summary>The spec to open, and a stored choice refused because it is not (or no longer) on the allow-list.</summary>
    private (string Spec, string? Refused) Resolve(long zoneId)
    {
        string? chosen;
        try
        {
            chosen = store.ChosenOutput(zoneId);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException)
        {
            // A database hiccup at the instant of air must not cost the session: play through the configured output.
            log.LogError(e, "Zone {Zone}: the chosen output could not be read; using the configured one", zoneId);
            return (_options.OutputFor(zoneId), null);
        }
        if (chosen is null) return (_options.OutputFor(zoneId), null);
        if (NotAllowedPart(chosen) is null) return (chosen, null);
        // Stored before the allow-list existed, or written around it: a device string ALSA would parse as a command.
        log.LogError("Zone {Zone}: the stored output {Spec} is not allowed and was not opened; using the configured one", zoneId, chosen);
        return (_options.OutputFor(zoneId), chosen);
    }

    /// <summary>Throws (<see cref="ArgumentException"/>, <see cref="PlatformNotSupportedException"/>) when
    /// <paramref name="spec"/> cannot be used on this machine: unknown, malformed, or for another operating system.</summary>
    public void Check(string spec) =>
        PlayoutOutputFactory.Create(spec, new PlayoutOutputSettings(HouseFormat, _options.RecordingsPath, clock.Zone, clock.Time)).Dispose();

    /// <summary>Forgets what is known of a zone's output (its spec changed); the next look probes it again.</summary>
    public void Forget(long zoneId) => _states.TryRemove(zoneId, out _);

    /// <summary>Opens the configured output of a zone. Falls back to <c>file</c> rather than staying silent.</summary>
    public IPlayoutOutput Create(long zoneId)
    {
        var (spec, refused) = Resolve(zoneId);
        var settings = new PlayoutOutputSettings(HouseFormat, Path.Combine(_options.RecordingsPath, $"zone{zoneId}"), clock.Zone, clock.Time) { Unplugged = _unplugged };
        try
        {
            var output = PlayoutOutputFactory.Create(spec, settings);
            var warning = (output as WavePlayerOutput)?.State?.Warning;
            if (warning is not null) log.LogWarning("Zone {Zone}: {Warning}", zoneId, warning);
            // An error stays shown until a session airs cleanly on this output (ReportHealthy), even if it reopens fine.
            var lastError = _states.TryGetValue(zoneId, out var known) ? known.LastError : null;
            _states[zoneId] = new ZoneOutputState(zoneId, spec, output.Description, lastError is null ? "ready" : "error", warning, lastError, refused);
            return output;
        }
        catch (Exception e)
        {
            log.LogError(e, "Zone {Zone}: output {Spec} could not be created; using the file output", zoneId, spec);
            var fallback = PlayoutOutputFactory.Create("file", settings);
            _states[zoneId] = new ZoneOutputState(zoneId, spec, fallback.Description, "fallback",
                $"Output '{spec}' failed ({e.Message}); writing to files instead.", e.Message, refused);
            return fallback;
        }
    }

    /// <summary>The output used when a zone's own output fails and its retries are used up: <c>BroadcastHub:Outputs:Fallback</c>, default <c>file</c>.</summary>
    public IPlayoutOutput CreateFallback(long zoneId)
    {
        var spec = _options.FallbackOutput;
        var settings = new PlayoutOutputSettings(HouseFormat, Path.Combine(_options.RecordingsPath, $"zone{zoneId}"), clock.Zone, clock.Time) { Unplugged = _unplugged };
        try
        {
            return PlayoutOutputFactory.Create(spec, settings);
        }
        catch (Exception e)
        {
            log.LogError(e, "Zone {Zone}: fallback output {Spec} could not be created; using the file output", zoneId, spec);
            return PlayoutOutputFactory.Create("file", settings);
        }
    }

    /// <summary>Records a playback error reported by a zone's output.</summary>
    public void ReportError(long zoneId, string error) =>
        _states.AddOrUpdate(zoneId,
            id => new ZoneOutputState(id, SpecFor(id), null, "error", null, error),
            (_, s) => s with { State = "error", LastError = error });

    /// <summary>Clears a zone's output error once a session has aired on its own output without a failure or dead air.</summary>
    public void ReportHealthy(long zoneId)
    {
        if (_states.TryGetValue(zoneId, out var known) && known.LastError is not null)
            _states[zoneId] = known with { State = "ready", LastError = null };
    }

    /// <summary>State of a zone's output. A zone not used yet is probed now, so a fallback shows before the first session.</summary>
    public ZoneOutputState StateOf(long zoneId)
    {
        if (_states.TryGetValue(zoneId, out var known)) return known;
        Create(zoneId).Dispose();
        return _states[zoneId];
    }
}
