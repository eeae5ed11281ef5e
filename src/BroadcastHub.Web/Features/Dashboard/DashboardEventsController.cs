using System.Text;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// Server-Sent Events for the live dashboard: a <c>change</c> event (kind and zone) whenever what the signed-in user
/// sees may have changed — only for zones in the user's scope — and a comment line every 15 s so proxies keep the
/// connection open. The page answers a change by fetching <c>/dashboard/live</c>.
/// </summary>
[Authorize(Roles = PageController.Staff)]
public sealed class DashboardEventsController(DashboardSignal signal, UserScope scope, IHostApplicationLifetime lifetime,
    IOptions<DashboardOptions> options)
    : Controller
{
    /// <summary>How often a heartbeat comment is sent when nothing changes: <c>BroadcastHub:Dashboard:HeartbeatSeconds</c>, default 15, 1–300.</summary>
    private TimeSpan Heartbeat => TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);

    [HttpGet("/dashboard/events")]
    public async Task Events()
    {
        var zones = scope.IsWhole ? null : scope.Communes.Select(c => c.ZoneId).ToHashSet();
        Response.ContentType = "text/event-stream; charset=utf-8";
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted, lifetime.ApplicationStopping);
        using var listener = signal.Listen(zone => zones is null || zones.Contains(zone));
        try
        {
            await WriteAsync("retry: 2000\nevent: ready\ndata: {}\n\n", stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var change = await listener.NextAsync(Heartbeat, stop.Token);
                await WriteAsync(change is null ? ": heartbeat\n\n"
                    : $"event: change\ndata: {{\"kind\":\"{change.Kind}\",\"zoneId\":{change.ZoneId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}}}\n\n", stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancel)
    {
        await Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancel);
        await Response.Body.FlushAsync(cancel);
    }
}
