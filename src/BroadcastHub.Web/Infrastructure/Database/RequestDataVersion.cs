using BroadcastHub.Data;
using BroadcastHub.Web.Features.Stations.Push;

namespace BroadcastHub.Web.Infrastructure.Database;

/// <summary>
/// Gives each ordinary request one <see cref="DataVersionScope"/>: its cached reads share one read of the database's
/// version instead of one round trip each (PostgreSQL). Long-lived connections (the station push hub) are left out:
/// each of their reads checks the version itself.
/// </summary>
public static class RequestDataVersion
{
    /// <summary>Adds the middleware.</summary>
    public static IApplicationBuilder UseRequestDataVersion(this IApplicationBuilder app)
    {
        var version = app.ApplicationServices.GetRequiredService<AppDatabase>().Version;
        return app.Use(async (context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest || context.Request.Path.StartsWithSegments(StationPushSetup.Route))
            {
                await next();
                return;
            }
            using var scope = version.BeginScope();
            await next();
        });
    }

    /// <summary>
    /// Adds the middleware that reads the request's version asynchronously once routing found an endpoint (static files
    /// and unknown paths never read it), before authentication's first cached read would read it synchronously.
    /// </summary>
    public static IApplicationBuilder UsePrefetchedDataVersion(this IApplicationBuilder app)
    {
        var version = app.ApplicationServices.GetRequiredService<AppDatabase>().Version;
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null) await version.PrefetchAsync(context.RequestAborted);
            await next();
        });
    }
}
