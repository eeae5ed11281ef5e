using Microsoft.AspNetCore.Http;

namespace BroadcastHub.TestStreams;

/// <summary>
/// An Icecast-style endless MP3 stream (<c>audio/mpeg</c>, <c>icy-*</c> headers), CBR 128 kbit/s at 48 kHz, paced in
/// real time: a listener joins at the live point and gets the bytes of each instant as it comes.
/// </summary>
public sealed class LiveMp3Server : LiveServer
{
    private const int BytesPerSecond = 16000;
    private const int FrameBytes = 384;
    private byte[] _mp3 = [];

    private LiveMp3Server()
    {
    }

    /// <summary>Renders the source (once per process) and starts serving it.</summary>
    public static async Task<LiveMp3Server> StartAsync()
    {
        var server = new LiveMp3Server { _mp3 = await File.ReadAllBytesAsync(await Renders.Mp3FileAsync()) };
        await server.ListenAsync();
        return server;
    }

    /// <inheritdoc />
    protected override string EntryPath => "/live.mp3";

    /// <inheritdoc />
    protected override async Task ServeAsync(HttpContext context, CancellationToken killed)
    {
        if (context.Request.Path != EntryPath)
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = "audio/mpeg";
        context.Response.Headers["icy-name"] = "BroadcastHub test source";
        context.Response.Headers["icy-br"] = "128";
        context.Response.Headers["icy-pub"] = "0";
        context.Response.Headers.CacheControl = "no-cache";
        NoteServed();
        var sent = LiveByte();
        while (!killed.IsCancellationRequested)
        {
            var due = LiveByte();
            while (sent < due)
            {
                var at = (int)(sent % _mp3.Length);
                var count = (int)Math.Min(due - sent, _mp3.Length - at);
                await context.Response.Body.WriteAsync(_mp3.AsMemory(at, count), killed);
                sent += count;
            }
            await context.Response.Body.FlushAsync(killed);
            await Task.Delay(20, killed);
        }
    }

    private long LiveByte() => (long)(Elapsed * BytesPerSecond) / FrameBytes * FrameBytes;
}
