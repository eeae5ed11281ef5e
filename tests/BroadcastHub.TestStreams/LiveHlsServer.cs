using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BroadcastHub.TestStreams;

/// <summary>
/// A live HLS stream: AAC segments of about 2 s made by ffmpeg (<c>-f hls</c>) from the source, served with a sliding
/// playlist (<c>/live.m3u8</c>) that lists the last few segments fully "recorded" by now.
/// </summary>
public sealed class LiveHlsServer : LiveServer
{
    private const int Window = 4;
    private string _folder = "";
    private List<(string Name, double Start, double Seconds)> _segments = [];

    private LiveHlsServer()
    {
    }

    /// <summary>Renders the source (once per process) and starts serving it.</summary>
    public static async Task<LiveHlsServer> StartAsync()
    {
        var folder = await Renders.HlsFolderAsync();
        var server = new LiveHlsServer { _folder = folder, _segments = Parse(await File.ReadAllLinesAsync(Path.Combine(folder, "full.m3u8"))) };
        await server.ListenAsync();
        return server;
    }

    /// <inheritdoc />
    protected override TimeSpan Lead => TimeSpan.FromSeconds(8.5);

    /// <inheritdoc />
    protected override string EntryPath => "/live.m3u8";

    /// <inheritdoc />
    protected override async Task ServeAsync(HttpContext context, CancellationToken killed)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == EntryPath)
        {
            context.Response.ContentType = "application/vnd.apple.mpegurl";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(Playlist(), killed);
            return;
        }
        var name = path.TrimStart('/');
        if (!_segments.Any(s => s.Name == name))
        {
            context.Response.StatusCode = 404;
            return;
        }
        NoteServed();
        context.Response.ContentType = "video/mp2t";
        await context.Response.SendFileAsync(Path.Combine(_folder, name), killed);
    }

    private string Playlist()
    {
        var now = Elapsed;
        var ready = _segments.Select((s, i) => (s, i)).Where(x => x.s.Start + x.s.Seconds <= now).ToList();
        var shown = ready.Skip(Math.Max(0, ready.Count - Window)).ToList();
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{Math.Ceiling(_segments.Max(s => s.Seconds)):0}\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA-SEQUENCE:{(shown.Count == 0 ? 0 : shown[0].i)}\n");
        foreach (var (s, _) in shown)
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{s.Seconds:0.000000},\n{s.Name}\n");
        if (ready.Count == _segments.Count) text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    private static List<(string, double, double)> Parse(string[] lines)
    {
        var segments = new List<(string, double, double)>();
        double start = 0, seconds = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
                seconds = double.Parse(line[8..].TrimEnd(','), CultureInfo.InvariantCulture);
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                segments.Add((line.Trim(), start, seconds));
                start += seconds;
            }
        }
        return segments;
    }
}
