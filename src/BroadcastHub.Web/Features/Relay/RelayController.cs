using BroadcastHub.Core.Access;
using BroadcastHub.Core.Relay;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>The relay sources page (/relay, Nguồn tiếp sóng): list, add, edit, delete and probe, for Admins.</summary>
[Route("relay")]
[Authorize(Roles = Roles.Admin)]
public sealed class RelayController(RelaySourceService service) : PageController
{
    public const string FormKey = "relay-source";

    [HttpGet("")]
    public IActionResult Index() => Page();

    [HttpPost("create")]
    public IActionResult Create(string? name, string? url) => Attempt(() =>
    {
        var created = service.Create(name, url, UserName);
        Flash(Msg.Get("AddedTheRelaySource", created.Name));
        return RedirectToAction(nameof(Index));
    }, FormKey, () => Page());

    [HttpPost("{id:long}/update")]
    public IActionResult Update(long id, string? name, string? url) => Attempt(() =>
    {
        var changed = service.Update(id, name, url, UserName);
        Flash(Msg.Get("SavedTheRelaySource", changed.Name));
        return RedirectToAction(nameof(Index));
    }, FormKey, () => Page());

    [HttpPost("{id:long}/delete")]
    public IActionResult Delete(long id) => Attempt(() =>
    {
        service.Delete(id, UserName);
        Flash(Msg.Get("DeletedTheRelaySource"));
        return RedirectToAction(nameof(Index));
    }, FormKey, () => Page());

    [HttpPost("{id:long}/probe")]
    public Task<IActionResult> Probe(long id, CancellationToken cancel) => AttemptAsync(
        async () => Page(id, await service.ProbeAsync(id, cancel)), FormKey, () => Page());

    private ViewResult Page(long? probedId = null, RelayProbeResult? probe = null) =>
        View("Index", new RelayPage(service.List(), probedId, probe));
}

/// <summary>The page's model: the sources and, after a probe, what it found.</summary>
public sealed record RelayPage(IReadOnlyList<RelaySource> Sources, long? ProbedId, RelayProbeResult? Probe);
