using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>
/// Streams and non-streams for the probe on 127.0.0.1, made by the real ffmpeg: an AAC (ADTS) and an Ogg Vorbis stream
/// sent endlessly like a radio's, a video-only MPEG-TS, an HTML page, an HLS playlist whose segments do not exist and
/// one whose only segment is <c>file:///etc/passwd</c>.
/// </summary>
public sealed class ProbeStreams : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bh-relay-probe-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    /// <summary>Where the server listens.</summary>
    public Uri Base { get; private set; } = null!;

    /// <summary>The URL of <paramref name="name"/> on this server.</summary>
    public string Url(string name) => new Uri(Base, name).AbsoluteUri;

    public static async Task<ProbeStreams> StartAsync()
    {
        var streams = new ProbeStreams();
        Directory.CreateDirectory(streams._folder);
        streams.Make("aac.aac", "-f", "lavfi", "-i", "sine=f=440:d=4", "-c:a", "aac", "-b:a", "48k", "-ac", "2", "-f", "adts");
        streams.Make("ogg.ogg", "-f", "lavfi", "-i", "sine=f=440:d=4", "-c:a", "libvorbis", "-ar", "32000");
        streams.Make("video.ts", "-f", "lavfi", "-i", "testsrc=d=2:s=64x48:r=25", "-c:v", "mpeg2video", "-f", "mpegts");
        await File.WriteAllTextAsync(Path.Combine(streams._folder, "page.html"), "<!doctype html><html><body><h1>Đài phát thanh</h1></body></html>");
        await File.WriteAllTextAsync(Path.Combine(streams._folder, "nowhere.m3u8"),
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nmissing0.ts\n#EXTINF:2.0,\nmissing1.ts\n");
        await File.WriteAllTextAsync(Path.Combine(streams._folder, "passwd.m3u8"),
            "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
        await streams.ListenAsync();
        return streams;
    }

    private void Make(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(arguments).Append(Path.Combine(_folder, name))) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not make {name}: {errors}");
    }

    private async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(ServeAsync);
        await _app.StartAsync();
        Base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    private async Task ServeAsync(HttpContext context)
    {
        var name = Path.GetFileName(context.Request.Path.Value ?? "");
        var path = Path.Combine(_folder, name);
        if (name.Length == 0 || !File.Exists(path))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = Path.GetExtension(name) switch
        {
            ".aac" => "audio/aac", ".ogg" => "audio/ogg", ".ts" => "video/mp2t", ".html" => "text/html; charset=utf-8",
            _ => "application/vnd.apple.mpegurl",
        };
        var bytes = await File.ReadAllBytesAsync(path);
        if (name is not ("aac.aac" or "ogg.ogg"))
        {
            await context.Response.Body.WriteAsync(bytes);
            return;
        }
        // A radio never ends: the same audio again and again until the listener goes.
        context.Response.Headers["icy-name"] = "BroadcastHub probe test";
        try
        {
            for (var i = 0; i < 200 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                await Task.Delay(50, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
