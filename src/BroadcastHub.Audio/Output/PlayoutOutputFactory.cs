using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>Creates a zone's output from its configured spec.</summary>
public static class PlayoutOutputFactory
{
    /// <summary>The spec that picks ALSA's default device, or a recording file when it cannot be opened.</summary>
    public const string Auto = "auto";

    /// <summary>
    /// Creates the output for <paramref name="spec"/>: <c>alsa:&lt;device&gt;</c> (Linux), <c>waveout</c> or
    /// <c>waveout:&lt;n&gt;</c> (Windows), <c>file</c> (paced Broadcast Wave <c>&lt;Label&gt;.wav</c> in
    /// <see cref="PlayoutOutputSettings.RecordingsDirectory"/>), <c>null</c>, or <c>auto</c> (<c>alsa:default</c> if it
    /// opens, else <c>file</c>, with <see cref="OutputState.Warning"/> saying why). For drills,
    /// <c>fail-after:&lt;seconds&gt;:&lt;spec&gt;</c> and <c>unplug-after:&lt;seconds&gt;:&lt;spec&gt;</c> fail mid-air
    /// (see <see cref="FaultDrillOutput"/>). A device that is configured but
    /// fails later is reported by <see cref="IPlayoutOutput.PlayAsync"/>, not here.
    /// </summary>
    /// <param name="spec">Output spec (case-insensitive keyword; ALSA device names are kept as written).</param>
    /// <param name="settings">House format, recordings folder, station zone and clock.</param>
    /// <exception cref="ArgumentException">The spec is empty or unknown, or <c>alsa:</c> has no device.</exception>
    /// <exception cref="PlatformNotSupportedException">The spec needs another operating system.</exception>
    public static IPlayoutOutput Create(string spec, PlayoutOutputSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = (spec ?? string.Empty).Trim();
        if (s.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            return CreateAuto(settings);
        }

        var (kind, argument) = Split(s);
        return kind switch
        {
            "alsa" when string.IsNullOrWhiteSpace(argument) =>
                throw new ArgumentException("Output spec 'alsa:' needs a device, e.g. alsa:default or alsa:hw:0,0.", nameof(spec)),
            "alsa" when !OperatingSystem.IsLinux() =>
                throw new PlatformNotSupportedException($"Output '{s}' needs Linux (ALSA); use waveout, file or null."),
            "alsa" => Alsa(argument!, settings, new OutputState(s, $"alsa:{argument}", null)),
            "waveout" => WaveOutOutput.Create(s, argument, settings),
            "file" when argument is null => File(settings, new OutputState(s, "file", null)),
            "null" when argument is null => new WavePlayerOutput(
                "null", settings.HouseFormat, _ => new NullWavePlayer(settings.Time), settings.Time, settings.StopFade),
            "fail-after" or "unplug-after" => Drill(s, kind, argument, settings),
            _ => throw new ArgumentException(
                $"Unknown output spec '{s}'. Use alsa:<device>, waveout, file, null or auto (drills: fail-after:<seconds>:<spec>, unplug-after:<seconds>:<spec>).",
                nameof(spec)),
        };
    }

    private static FaultDrillOutput Drill(string spec, string kind, string? argument, PlayoutOutputSettings settings)
    {
        var (after, inner) = FaultDrillOutput.ParseArgument(kind, argument);
        return new FaultDrillOutput(spec, Create(inner, settings), after, kind == "unplug-after", settings.Time, settings.Unplugged);
    }

    /// <summary>ALSA PCM device names (NAME hints of the "pcm" interface); empty if none or not on Linux.</summary>
    public static IReadOnlyList<string> ListDevices() => AlsaDeviceList.Pcms();

    private static IPlayoutOutput CreateAuto(PlayoutOutputSettings settings)
    {
        if (AlsaWavePlayer.TryProbe("default", out var error))
        {
            return Alsa("default", settings, new OutputState(Auto, "alsa:default", null));
        }

        var warning = $"{error} Recording to {settings.RecordingsDirectory} instead (file output).";
        return File(settings, new OutputState(Auto, "file", warning));
    }

    private static WavePlayerOutput Alsa(string device, PlayoutOutputSettings settings, OutputState state) =>
        new($"alsa:{device}", settings.HouseFormat, _ => new AlsaWavePlayer(device, settings.Time, settings.AlsaLatency),
            settings.Time, settings.StopFade, state);

    private static WavePlayerOutput File(PlayoutOutputSettings settings, OutputState state) =>
        new("file", settings.HouseFormat, request => new BwfFileWavePlayer(
                RecordingPaths.For(settings.RecordingsDirectory, request.Label), $"BroadcastHub playout: {request.Label}",
                request.Label, settings.StationTimeZone, settings.Time),
            settings.Time, settings.StopFade, state);

    private static (string Kind, string? Argument) Split(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (spec.ToLowerInvariant(), null)
            : (spec[..colon].ToLowerInvariant(), spec[(colon + 1)..]);
    }
}
