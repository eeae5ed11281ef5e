extern alias station;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using station::BroadcastHub.Station.Cache;
using station::BroadcastHub.Station.Hosting;
using station::BroadcastHub.Station.Local;
using station::BroadcastHub.Station.Sync;

namespace BroadcastHub.AgentsBench;

/// <summary>The agent's own costs: a cold-cache sync with the media already local, and a real agent process's memory.</summary>
public static class AgentFootprint
{
    /// <summary>
    /// Times the first sync of an empty local database (manifest fetched and stored, every item's media found in the
    /// cache), <paramref name="runs"/> times in fresh data folders whose <c>media/</c> is a copy of the hub's.
    /// </summary>
    public static async Task<(List<double> Millis, int Occurrences, int Items)> ColdSyncAsync(Uri hub, string token, string hubMedia, int runs)
    {
        var millis = new List<double>();
        var occurrences = 0;
        var items = 0;
        using var http = new HttpClient();
        for (var run = 0; run < runs; run++)
        {
            var data = Path.Combine(Path.GetTempPath(), "bh-agentbench-" + Guid.NewGuid().ToString("N")[..8]);
            CopyFolder(hubMedia, Path.Combine(data, "media"));
            var options = new StationOptions { DataPath = data, Hub = new HubConnectionOptions { Url = hub.AbsoluteUri, StationToken = token } };
            var state = new SyncState();
            var store = new ManifestStore(new LocalDatabase(data));
            using var cache = new MediaCache(http, StationSetup.CacheSettings(options), TimeProvider.System, NullLogger<MediaCache>.Instance);
            var sync = new ManifestSync(new HubClient(http, new HubEndpoint(hub, token), TimeProvider.System, state), store, cache, TimeProvider.System,
                options.Station.CacheDays, NullLogger<ManifestSync>.Instance);
            var watch = Stopwatch.StartNew();
            var result = await sync.SyncOnceAsync(CancellationToken.None);
            millis.Add(watch.Elapsed.TotalMilliseconds);
            if (result.MissingMedia > 0) throw new InvalidOperationException($"{result.MissingMedia} media missing: the cache was not warm");
            occurrences = result.Occurrences;
            items = store.MediaInAirOrder().Count;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
        return (millis, occurrences, items);
    }

    /// <summary>Runs the real agent (Release build) for <paramref name="seconds"/>; samples its resident memory every 2 s.</summary>
    public static async Task<(long PeakBytes, long LastBytes, string Health)> SteadyStateAsync(string agentDll, Uri hub, string token, int seconds, int pollSeconds)
    {
        var data = Path.Combine(Path.GetTempPath(), "bh-agentbench-rss-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(agentDll);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["BroadcastHub__DataPath"] = data;
        info.Environment["BroadcastHub__Hub__Url"] = hub.AbsoluteUri;
        info.Environment["BroadcastHub__Hub__StationToken"] = token;
        info.Environment["BroadcastHub__Station__PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0, last = 0;
        var health = "";
        try
        {
            var watch = Stopwatch.StartNew();
            using var http = new HttpClient();
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(2000);
                process.Refresh();
                last = process.WorkingSet64;
                peak = Math.Max(peak, last);
                try { health = await http.GetStringAsync($"http://127.0.0.1:{port}/health"); }
                catch (HttpRequestException) { }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
        return (peak, last, health);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.audio", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
