using Npgsql;

namespace BroadcastHub.PlanningBench;

/// <summary>
/// CPU time used by a local PostgreSQL server (all its processes: the backends' utime + stime and, through the
/// postmaster's cutime + cstime, those of backends that have exited), read from /proc. On a shared machine this is far
/// less sensitive to load than wall time. Null when the server is not on this machine or /proc is not readable.
/// </summary>
internal sealed class ServerCpu
{
    private readonly int _postmaster;

    private ServerCpu(int postmaster) => _postmaster = postmaster;

    /// <summary>Finds the postmaster through a backend's parent process id.</summary>
    public static ServerCpu? Find(string connectionString)
    {
        try
        {
            using var c = new NpgsqlConnection(connectionString);
            c.Open();
            using var command = new NpgsqlCommand("SELECT pg_backend_pid()", c);
            var backend = (int)command.ExecuteScalar()!;
            return Stat(backend) is { } stat ? new ServerCpu(int.Parse(stat[2], System.Globalization.CultureInfo.InvariantCulture)) : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Seconds of CPU used so far by the server's processes.</summary>
    public double Seconds()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var stat = Stat(pid);
            if (stat is null) continue;
            if (pid == _postmaster) ticks += long.Parse(stat[12]) + long.Parse(stat[13]) + long.Parse(stat[14]) + long.Parse(stat[15]);
            else if (stat[2] == _postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)) ticks += long.Parse(stat[12]) + long.Parse(stat[13]);
        }
        return ticks / 100.0;
    }

    /// <summary>The fields of /proc/pid/stat, from index 1 on numbered as in proc(5) minus two (index 1 is the state, 2 the parent).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return [text[..close], .. text[(close + 2)..].Split(' ')];
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
