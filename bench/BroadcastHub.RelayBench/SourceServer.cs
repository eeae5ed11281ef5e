using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.RelayBench;

/// <summary>
/// The Icecast-style source, run as a child process (<c>--serve file.mp3</c>) so its CPU is not counted as ours: the
/// looped MP3 paced in real time from the instant it prints (<c>start &lt;unix ms&gt; &lt;port&gt;</c>); every
/// listener joins at the live point.
/// </summary>
public static class SourceServer
{
    public static async Task RunAsync(string mp3Path)
    {
        var mp3 = await File.ReadAllBytesAsync(mp3Path);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var clock = Stopwatch.StartNew();
        app.MapGet("/live.mp3", async (HttpContext context) =>
        {
            context.Response.ContentType = "audio/mpeg";
            context.Response.Headers["icy-name"] = "RelayBench marker source";
            long Live() => (long)(clock.Elapsed.TotalSeconds * MarkerSource.BytesPerSecond) / MarkerSource.FrameBytes * MarkerSource.FrameBytes;
            var sent = Live();
            var stop = context.RequestAborted;
            while (!stop.IsCancellationRequested)
            {
                for (var due = Live(); sent < due;)
                {
                    var at = (int)(sent % mp3.Length);
                    var n = (int)Math.Min(due - sent, mp3.Length - at);
                    await context.Response.Body.WriteAsync(mp3.AsMemory(at, n), stop);
                    sent += n;
                }
                await context.Response.Body.FlushAsync(stop);
                await Task.Delay(20, stop);
            }
        });
        await app.StartAsync();
        var start = TimeProvider.System.GetUtcNow() - clock.Elapsed;
        var port = new Uri(app.Urls.First()).Port;
        Console.WriteLine($"start {start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)} {port.ToString(CultureInfo.InvariantCulture)}");
        await Task.Run(Console.In.ReadLine); // the bench closes stdin to stop the server
        await app.StopAsync();
    }
}
