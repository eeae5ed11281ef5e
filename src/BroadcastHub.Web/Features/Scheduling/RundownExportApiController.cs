using System.Globalization;
using BroadcastHub.Core.Playlists;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary><c>GET /api/sessions/{id}/rundown.m3u8?date=</c>: a session's rundown on a date as extended M3U (relays as their stream URL).</summary>
[Route("api/sessions")]
public sealed class RundownExportApiController(RundownQuery rundowns, BulletinRepository bulletins) : ApiControllerBase
{
    [HttpGet("{id:long}/rundown.m3u8")]
    [Produces(M3uWriter.ContentType)]
    public IActionResult Export(long id, [FromQuery] string? date)
    {
        var view = rundowns.For(id, date);
        var found = bulletins.FindMany(view.Items.Where(i => i.BulletinId is not null).Select(i => i.BulletinId!.Value));
        var text = M3uWriter.Write(string.Create(CultureInfo.InvariantCulture, $"session-{id} {view.Date}"), view.Items
            .Where(i => i.Relay is not null || found.ContainsKey(i.BulletinId ?? 0)).Select(i => i.Relay is { } relay
            ? new M3uExportItem(0, relay.Name, relay.Seconds, "", relay.Url)
            : new M3uExportItem(i.BulletinId ?? 0, i.Title, i.DurationSeconds, found.TryGetValue(i.BulletinId ?? 0, out var b) ? b.Sha256 : "")));
        return File(System.Text.Encoding.UTF8.GetBytes(text), M3uWriter.ContentType, $"session-{id}-{view.Date}.m3u8");
    }
}
