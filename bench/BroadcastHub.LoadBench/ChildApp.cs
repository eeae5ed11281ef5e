using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BroadcastHub.LoadBench;

/// <summary>
/// The real app as a child process: <c>dotnet BroadcastHub.Web.dll --urls http://127.0.0.1:{port}</c> on a free
/// loopback port, with its own data folder and no audio output. Stopped (SIGTERM, then killed) on dispose.
/// </summary>
public sealed class ChildApp : IDisposable
{
    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly TaskCompletionSource<bool> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildApp(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public static async Task<ChildApp> StartAsync(string webDll, string webRoot, string dataPath, string adminPassword, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(webDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_WEBROOT"] = webRoot;
        info.Environment["BroadcastHub__DataPath"] = dataPath;
        info.Environment["BroadcastHub__Outputs__Default"] = "null";
        info.Environment["BROADCASTHUB_ADMIN_PASSWORD"] = adminPassword;
        info.Environment["BroadcastHub__DefaultPolicy__AllowedFrom"] = "00:00";
        info.Environment["BroadcastHub__DefaultPolicy__AllowedTo"] = "00:00";
        info.Environment["BroadcastHub__Auth__RequireFirstPasswordChange"] = "false";
        info.Environment["BroadcastHub__Approval__FourEyes"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var app = new ChildApp(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Line(e.Data);
        process.ErrorDataReceived += (_, e) => app.Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => app.started.TrySetResult(false);
        try
        {
            var ok = await app.started.Task.WaitAsync(timeout);
            if (!ok) throw new InvalidOperationException("the app exited during start-up:\n" + app.Tail());
        }
        catch (TimeoutException)
        {
            app.Dispose();
            throw new InvalidOperationException($"the app did not start within {timeout.TotalSeconds:0} s:\n" + app.Tail());
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    public string Tail()
    {
        lock (tail) return string.Join('\n', tail);
    }

    private void Line(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > 40) tail.Dequeue();
        }
        if (line.Contains("BroadcastHub is running", StringComparison.Ordinal)) started.TrySetResult(true);
    }

    /// <summary>Stops the app: SIGTERM (graceful, lets SQLite checkpoint), killed after 15 s.</summary>
    public void Dispose()
    {
        try
        {
            if (process.HasExited) return;
            if (!OperatingSystem.IsWindows()) _ = SendSignal(process.Id, 15);
            if (OperatingSystem.IsWindows() || !process.WaitForExit(15_000)) process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
