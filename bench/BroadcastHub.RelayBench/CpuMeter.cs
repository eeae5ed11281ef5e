using System.Diagnostics;
using System.Globalization;

namespace BroadcastHub.RelayBench;

/// <summary>
/// CPU time of this process plus its child processes (the ffmpeg decoders and encoders), except <c>exclude</c> (the
/// source server), read from /proc. A child that starts and ends between two readings is missed (reconnects; none here).
/// </summary>
public static class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Now(int exclude)
    {
        var self = Environment.ProcessId;
        var total = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == exclude || pid == self) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) != self) continue; // field 4: ppid
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
            total += TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        return total;
    }
}
