using BroadcastHub.Core.Access;
using BroadcastHub.Core.Relay;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>
/// <c>/api/relay-sources</c>: Admins manage the live streams sessions relay; anyone who books may list them (the
/// booking form picks from them).
/// </summary>
[Route("api/relay-sources")]
public sealed class RelaySourcesApiController(RelaySourceService service) : ApiControllerBase
{
    /// <summary>A source as the API shows it.</summary>
    public sealed record RelaySourceJson(long Id, string Name, string Url, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc)
    {
        internal static RelaySourceJson Of(RelaySource s) => new(s.Id, s.Name, s.Url, s.CreatedUtc, s.UpdatedUtc);
    }

    /// <summary>The body of POST and PUT.</summary>
    public sealed record RelaySourceBody(string? Name, string? Url);

    [HttpGet]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public IActionResult List() => Ok(service.List().Select(RelaySourceJson.Of));

    [HttpGet("{id:long}")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public IActionResult Get(long id) => Ok(RelaySourceJson.Of(service.Get(id)));

    [HttpPost]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult Create([FromBody] RelaySourceBody body)
    {
        var created = service.Create(body.Name, body.Url, UserName);
        return Created($"/api/relay-sources/{created.Id}", RelaySourceJson.Of(created));
    }

    [HttpPut("{id:long}")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult Update(long id, [FromBody] RelaySourceBody body) => Ok(RelaySourceJson.Of(service.Update(id, body.Name, body.Url, UserName)));

    [HttpDelete("{id:long}")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult Delete(long id)
    {
        try
        {
            service.Delete(id, UserName);
            return NoContent();
        }
        catch (AppException e) when (e.Code == RelaySourceService.InUse)
        {
            var (bookings, occurrences) = service.Uses(id);
            return Conflict(new { error = e.Code, message = e.Message, bookings, occurrences });
        }
    }

    [HttpPost("{id:long}/probe")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Probe(long id, CancellationToken cancel) => Ok(await service.ProbeAsync(id, cancel));
}
