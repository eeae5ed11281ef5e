using BroadcastHub.Audio.Output;

namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary><c>devices [--json]</c>: the output specs this machine offers, what <c>auto</c> resolves to, and what is configured.</summary>
internal static class DevicesVerb
{
    public static int Run(string[] args, IConfiguration config, TextWriter stdout)
    {
        var a = new CliArguments(args);
        a.EnsureOnly("json");
        if (a.Positionals.Count > 0) throw new CliUsageException("devices takes no arguments.");
        var report = Collect(CliOptions.Read(config));
        if (a.Has("json")) stdout.WriteLine(CliJson.Serialize(report));
        else WriteText(stdout, report);
        return CliVerbs.Ok;
    }

    private static DevicesReport Collect(BroadcastHubOptions options)
    {
        var devices = PlayoutOutputFactory.ListDevices()
            .Select(name => new DeviceEntry($"alsa:{name}", "ALSA PCM device"))
            .ToList();
        if (OperatingSystem.IsWindows()) devices.Add(new DeviceEntry("waveout", "Windows default sound output (waveout:<n> for device n)"));
        devices.Add(new DeviceEntry("file", $"paced Broadcast Wave recordings under {options.RecordingsPath}"));
        devices.Add(new DeviceEntry("null", "plays nowhere (paced like a sound card)"));
        var opens = AlsaWavePlayer.TryProbe("default", out var error);
        var auto = opens
            ? new AutoResolution("alsa:default", false, null)
            : new AutoResolution("file", true, error);
        var configured = new SortedDictionary<string, string>(options.Outputs, StringComparer.OrdinalIgnoreCase);
        if (!configured.ContainsKey("Default")) configured["Default"] = PlayoutOutputFactory.Auto;
        return new DevicesReport(devices, auto, configured);
    }

    private static void WriteText(TextWriter o, DevicesReport r)
    {
        o.WriteLine("Outputs this machine offers (use as BroadcastHub:Outputs:Default or BroadcastHub:Outputs:Zone<id>):");
        var width = r.Devices.Max(d => d.Spec.Length) + 2;
        foreach (var d in r.Devices) o.WriteLine($"  {d.Spec.PadRight(width)}{d.Description}");
        o.WriteLine(r.Auto.FallsBack
            ? $"auto: alsa:default cannot be opened ({r.Auto.Reason}); auto would fall back to file."
            : "auto: alsa:default opens; auto plays there.");
        o.WriteLine("Configured:");
        foreach (var (key, spec) in r.Configured) o.WriteLine($"  {key} = {spec}");
    }
}

/// <summary>One output spec a technician can configure.</summary>
internal sealed record DeviceEntry(string Spec, string Description);

/// <summary>What the <c>auto</c> spec resolves to now, and why it falls back.</summary>
internal sealed record AutoResolution(string ResolvesTo, bool FallsBack, string? Reason);

/// <summary>What <c>devices --json</c> prints.</summary>
internal sealed record DevicesReport(IReadOnlyList<DeviceEntry> Devices, AutoResolution Auto, IReadOnlyDictionary<string, string> Configured);
