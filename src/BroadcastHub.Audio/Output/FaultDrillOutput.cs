using System.Globalization;
using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// A drill output for technicians: plays on a real inner output, and after a set number of seconds of audio the
/// audio the player pulls fails with an <see cref="IOException"/>, on the player's own playback thread, so the
/// failure travels the same path as a sound card whose write fails mid-air (playback thread → stopped event →
/// <see cref="PlayoutReport.Error"/> with the frames really played).
/// <list type="bullet">
/// <item><c>fail-after:&lt;seconds&gt;:&lt;inner spec&gt;</c> — a flaky card: every opening plays that long, then fails;
/// reopening it works again.</item>
/// <item><c>unplug-after:&lt;seconds&gt;:&lt;inner spec&gt;</c> — a card pulled out: it fails once, and from then on every
/// opening of the same spec fails at once (as a missing device does) until the process restarts.</item>
/// </list>
/// </summary>
public sealed class FaultDrillOutput : IPlayoutOutput
{
    private readonly IPlayoutOutput inner;
    private readonly TimeSpan after;
    private readonly bool unplug;
    private readonly string spec;
    private readonly TimeProvider time;
    private readonly UnpluggedDevices unplugged;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="spec">The whole spec as configured; it names the unplugged device.</param>
    /// <param name="inner">The output that really plays.</param>
    /// <param name="after">Audio played before each failure.</param>
    /// <param name="unplug">True for <c>unplug-after</c>: the device stays failed once it has failed.</param>
    /// <param name="time">The clock.</param>
    /// <param name="unplugged">The devices pulled out so far, shared by the outputs of one station.</param>
    public FaultDrillOutput(string spec, IPlayoutOutput inner, TimeSpan after, bool unplug, TimeProvider time, UnpluggedDevices unplugged)
    {
        this.spec = spec ?? throw new ArgumentNullException(nameof(spec));
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.after = after >= TimeSpan.Zero ? after : throw new ArgumentOutOfRangeException(nameof(after));
        this.unplug = unplug;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.unplugged = unplugged ?? throw new ArgumentNullException(nameof(unplugged));
        Description = $"{(unplug ? "unplug" : "fail")}-after:{after.TotalSeconds.ToString(CultureInfo.InvariantCulture)}:{inner.Description}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public WaveFormat Format => inner.Format;

    /// <inheritdoc />
    public async Task<PlayoutReport> PlayAsync(PlayoutRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (unplugged.Contains(spec))
        {
            var now = time.GetUtcNow();
            return new PlayoutReport(now, now, 0, $"Output {Description} failed: the device is unplugged (drill).");
        }

        var frames = (long)Math.Round(after.TotalSeconds * request.Source.WaveFormat.SampleRate);
        var failing = new FailingSampleProvider(request.Source, frames, Description);
        var report = await inner.PlayAsync(request with { Source = failing }, cancel).ConfigureAwait(false);
        if (unplug && failing.Failed)
        {
            unplugged.Add(spec);
        }

        return report;
    }

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary>Parses the argument of a drill spec: <c>&lt;seconds&gt;:&lt;inner spec&gt;</c>.</summary>
    internal static (TimeSpan After, string Inner) ParseArgument(string kind, string? argument)
    {
        var colon = argument?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon > 0
            && double.TryParse(argument![..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds) && colon < argument.Length - 1)
        {
            return (TimeSpan.FromSeconds(seconds), argument[(colon + 1)..]);
        }

        throw new ArgumentException(
            $"Output spec '{kind}:{argument}' needs seconds and an inner spec, e.g. {kind}:30:alsa:default or {kind}:1.5:file.",
            nameof(argument));
    }

    private sealed class FailingSampleProvider(ISampleProvider source, long framesBeforeFailure, string description) : ISampleProvider
    {
        private readonly int channels = source.WaveFormat.Channels;
        private readonly long limit = framesBeforeFailure;
        private long framesLeft = framesBeforeFailure;

        public bool Failed { get; private set; }

        public WaveFormat WaveFormat => source.WaveFormat;

        public int Read(Span<float> buffer)
        {
            if (framesLeft <= 0)
            {
                Failed = true;
                throw new IOException(
                    $"Device write failed after {(double)limit / WaveFormat.SampleRate:0.###} s ({description}, drill).");
            }

            var wanted = (int)Math.Min(buffer.Length / channels, framesLeft) * channels;
            var n = source.Read(buffer[..wanted]);
            framesLeft -= n / channels;
            return n;
        }
    }
}
