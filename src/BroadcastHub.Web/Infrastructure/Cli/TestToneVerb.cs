using System.Globalization;
using BroadcastHub.Audio.Output;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using NAudio.Wave;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>
/// <c>test-tone --zone Z</c>: plays a 3 s 1 kHz identification tone at −20 dBFS through zone Z's output (the one
/// chosen on the stations page, else <c>BroadcastHub:Outputs:ZoneZ</c>, else <c>Default</c>, else <c>auto</c>),
/// exactly as playout would open it.
/// </summary>
internal static class TestToneVerb
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(3);
    public const double Hz = 1000, PeakDbfs = -20;
    private static readonly TimeSpan Preroll = TimeSpan.FromMilliseconds(300);

    public static int Run(string[] args, IConfiguration config, TextWriter stdout, TextWriter stderr, TimeProvider time,
        CancellationToken cancel)
    {
        var a = new CliArguments(args, "zone");
        a.EnsureOnly("zone");
        if (a.Positionals.Count > 0) throw new CliUsageException("test-tone takes no positional arguments.");
        if (!long.TryParse(a.Value("zone"), NumberStyles.None, CultureInfo.InvariantCulture, out var zone))
            throw new CliUsageException("test-tone needs --zone <id> (a number, as in BroadcastHub:Outputs:Zone<id>).");

        var options = CliOptions.Read(config);
        var chosen = ChosenOutput(options, zone, time);
        if (chosen is not null && BroadcastHub.Playout.ZoneOutputs.NotAllowedPart(chosen) is not null)
        {
            // Stored from the web before the allow-list: ALSA would parse it as a command; the configuration is the technician's.
            stderr.WriteLine($"Zone {zone}: the stored output '{chosen}' is not on the allow-list and is not opened; using the configured output.");
            chosen = null;
        }
        var spec = chosen ?? options.OutputFor(zone);
        var stationZone = StationClock.FindZone(options.TimeZone);
        var house = WaveFormat.CreateIeeeFloatWaveFormat(options.HouseFormat.SampleRate, options.HouseFormat.Channels);
        var settings = new PlayoutOutputSettings(house, Path.Combine(options.RecordingsPath, $"zone{zone}"), stationZone, time);
        IPlayoutOutput output;
        try
        {
            output = PlayoutOutputFactory.Create(spec, settings);
        }
        catch (Exception e) when (e is ArgumentException or PlatformNotSupportedException)
        {
            stderr.WriteLine($"Zone {zone}: output '{spec}' cannot be used: {e.Message}");
            return CliVerbs.Failed;
        }

        using (output)
        {
            if (output.State.Warning is { } warning) stdout.WriteLine($"Warning: {warning}");
            stdout.WriteLine($"Zone {zone}: playing a {Length.TotalSeconds:0} s {Hz:0} Hz tone at {PeakDbfs:0} dBFS on {output.Description} (spec '{spec}')...");
            var start = time.GetUtcNow() + Preroll;
            var label = $"test-tone-zone{zone}-{TimeZoneInfo.ConvertTime(start, stationZone):yyyyMMdd-HHmmss}";
            var tone = new ToneSampleProvider(house, Hz, PeakDbfs, Length);
            var report = output.PlayAsync(new PlayoutRequest(tone, start, label), cancel).GetAwaiter().GetResult();
            return Report(stdout, stderr, report, house, tone.TotalFrames, start);
        }
    }

    private static int Report(TextWriter stdout, TextWriter stderr, PlayoutReport report, WaveFormat house, long expected,
        DateTimeOffset requested)
    {
        if (report.Error is not null)
        {
            stderr.WriteLine($"Failed: {report.Error}");
            return CliVerbs.Failed;
        }

        var seconds = report.FramesPlayed / (double)house.SampleRate;
        var lateMs = (report.ActualStart - requested).TotalMilliseconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Played {report.FramesPlayed} frames ({seconds:F3} s), first sample {lateMs:+0.0;-0.0} ms from the requested instant."));
        if (report.RecordingPath is not null) stdout.WriteLine($"Recording: {report.RecordingPath}");
        if (report.FramesPlayed >= expected) return CliVerbs.Ok;
        stderr.WriteLine($"Stopped early: {expected - report.FramesPlayed} frames were not played.");
        return CliVerbs.Failed;
    }

    /// <summary>The output chosen for the zone on the stations page, when the app database exists and has one.</summary>
    private static string? ChosenOutput(BroadcastHubOptions options, long zone, TimeProvider time)
    {
        if (!File.Exists(options.AppDatabasePath)) return null;
        try
        {
            return new StationRepository(new AppDatabase(options.AppDatabasePath), time).OutputByZone().GetValueOrDefault(zone);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null; // a database not migrated yet has no choices
        }
    }
}
