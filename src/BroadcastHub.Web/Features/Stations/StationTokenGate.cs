using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// A station token opens the station-facing routes (marked <see cref="StationAgentRouteAttribute"/>) and nothing else:
/// every other API route and every page answers 403 <c>station_token_not_allowed</c>, whatever that route's own rules.
/// </summary>
public sealed class StationTokenGate(RequestDelegate next)
{
    public const string Code = "station_token_not_allowed";

    public Task InvokeAsync(HttpContext context)
    {
        if (StationTokenHandler.StationIdOf(context.User) is null
            || context.GetEndpoint()?.Metadata.GetMetadata<StationAgentRouteAttribute>() is not null)
            return next(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsJsonAsync(new ApiError(Code, Msg.Get("AStationTokenOpensOnlyThe")));
    }
}

/// <summary>Marks a station-facing route: station tokens only (a user's token is refused with 403).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class StationAgentRouteAttribute : Microsoft.AspNetCore.Authorization.AuthorizeAttribute
{
    public StationAgentRouteAttribute()
    {
        Policy = StationTokenHandler.Policy;
        AuthenticationSchemes = ApiTokenHandler.SchemeName + "," + StationTokenHandler.SchemeName;
    }
}
