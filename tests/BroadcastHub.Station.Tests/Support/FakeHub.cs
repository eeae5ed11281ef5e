using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace BroadcastHub.Station.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving <c>GET /api/station/media/{sha256}</c> with Range support,
/// which can be told to cut an answer midway or to serve wrong bytes.
/// </summary>
public sealed class FakeHub : IAsyncDisposable
{
    public const string Token = "test-station-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _media = new();
    private int _inFlight;

    private FakeHub(WebApplication app) => _app = app;

    /// <summary>Every media request, in arrival order.</summary>
    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    /// <summary>Cut the next answer after this many body bytes (once).</summary>
    public long? CutNextAfter { get; set; }

    /// <summary>Serve this content instead of the stored bytes, for every request.</summary>
    public byte[]? WrongBytes { get; set; }

    /// <summary>Hold each answer this long before sending the body, to make downloads overlap.</summary>
    public TimeSpan Hold { get; set; }

    /// <summary>Most requests seen in flight at once.</summary>
    public int MaxInFlight { get; private set; }

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var hub = new FakeHub(builder.Build());
        hub._app.MapGet("/api/station/media/{sha256}", hub.ServeAsync);
        await hub._app.StartAsync();
        var address = hub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        hub.Address = new Uri(address + "/");
        return hub;
    }

    /// <summary>Stores <paramref name="content"/> and returns its SHA-256.</summary>
    public string Add(byte[] content)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        _media[sha] = content;
        return sha;
    }

    private async Task ServeAsync(HttpContext context, string sha256)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (Requests) MaxInFlight = Math.Max(MaxInFlight, inFlight);
        try { await AnswerAsync(context, sha256); }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    private async Task AnswerAsync(HttpContext context, string sha256)
    {
        var range = context.Request.Headers.Range.ToString();
        var record = new ServedRequest(sha256, range);
        Requests.Enqueue(record);
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token) { context.Response.StatusCode = 401; return; }
        if (!_media.TryGetValue(sha256, out var stored)) { context.Response.StatusCode = 404; return; }
        var content = WrongBytes ?? stored;

        long start = 0;
        if (RangeHeaderValue.TryParse(range, out var parsed) && parsed.Ranges.Single().From is { } from)
        {
            if (from >= content.Length) { context.Response.StatusCode = 416; return; }
            start = from;
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }
        context.Response.ContentLength = content.Length - start;
        if (Hold > TimeSpan.Zero) await Task.Delay(Hold);

        var body = content.AsMemory((int)start);
        if (CutNextAfter is { } cut)
        {
            CutNextAfter = null;
            record.BytesServed = cut;
            await context.Response.Body.WriteAsync(body[..(int)cut]);
            await context.Response.Body.FlushAsync();
            // Give the client time to read what was sent: an abort (RST) may drop bytes still in flight.
            await Task.Delay(200);
            context.Abort();
            return;
        }
        // Recorded before writing: the client may finish reading before this handler resumes.
        record.BytesServed = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One media request as the fake hub saw it.</summary>
public sealed class ServedRequest(string sha256, string range)
{
    public string Sha256 { get; } = sha256;
    public string Range { get; } = range;
    public long BytesServed { get; set; }
}
