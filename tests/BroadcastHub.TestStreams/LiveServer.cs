using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.TestStreams;

/// <summary>
/// A live source on 127.0.0.1 (a free port): source sample n is "sent live" at <see cref="Origin"/> + n / rate.
/// <see cref="Kill"/> drops every connection and refuses new ones (connection reset) for a while.
/// </summary>
public abstract class LiveServer : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly Lock _gate = new();
    private CancellationTokenSource _live = new();
    private long _refusedUntilTicks;
    private WebApplication? _app;

    /// <summary>The wall instant of source sample 0 (before the server started, so it has a past to send).</summary>
    public DateTimeOffset Origin => _startedAt - Lead;

    /// <summary>The stream's address.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Requests served with audio, in order of arrival (wall instants).</summary>
    public List<DateTimeOffset> Served { get; } = [];

    /// <summary>When <see cref="Kill"/> was last called, or null.</summary>
    public DateTimeOffset? KilledAt { get; private set; }

    /// <summary>How far the source had already run when the server started.</summary>
    protected virtual TimeSpan Lead => TimeSpan.Zero;

    /// <summary>Seconds of source since <see cref="Origin"/>, from a monotonic clock.</summary>
    protected double Elapsed => Lead.TotalSeconds + _clock.Elapsed.TotalSeconds;

    /// <summary>The path of the stream's entry point (e.g. <c>/live.mp3</c>).</summary>
    protected abstract string EntryPath { get; }

    /// <summary>Answers one request; <paramref name="killed"/> fires when <see cref="Kill"/> is called.</summary>
    protected abstract Task ServeAsync(HttpContext context, CancellationToken killed);

    /// <summary>Starts listening.</summary>
    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            if (Refusing)
            {
                context.Abort();
                return;
            }
            CancellationToken killed;
            lock (_gate) killed = _live.Token;
            try
            {
                await ServeAsync(context, CancellationTokenSource.CreateLinkedTokenSource(killed, context.RequestAborted).Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
            if (killed.IsCancellationRequested) context.Abort();
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(new Uri(address), EntryPath);
    }

    /// <summary>True while new connections are refused.</summary>
    protected bool Refusing => _clock.Elapsed.Ticks < Interlocked.Read(ref _refusedUntilTicks);

    /// <summary>Notes that a request is served audio.</summary>
    protected void NoteServed()
    {
        lock (Served) Served.Add(DateTimeOffset.UtcNow);
    }

    /// <summary>Drops every connection now and refuses new ones for <paramref name="outage"/>.</summary>
    public void Kill(TimeSpan outage)
    {
        KilledAt = DateTimeOffset.UtcNow;
        Interlocked.Exchange(ref _refusedUntilTicks, (_clock.Elapsed + outage).Ticks);
        CancellationTokenSource old;
        lock (_gate) (old, _live) = (_live, new CancellationTokenSource());
        old.Cancel();
    }

    /// <summary>The first request served audio at or after <paramref name="instant"/>, or null.</summary>
    public DateTimeOffset? FirstServedAfter(DateTimeOffset instant)
    {
        lock (Served) return Served.Where(s => s >= instant).Select(s => (DateTimeOffset?)s).FirstOrDefault();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Kill(TimeSpan.FromDays(1));
        if (_app is not null) await _app.DisposeAsync();
    }
}
