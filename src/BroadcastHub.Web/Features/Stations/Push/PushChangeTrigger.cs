namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>
/// After every successful write request of a person or automation (any method but GET/HEAD/OPTIONS, below 400, outside
/// the station routes and sign-in), signals <c>changed</c> to every node: a booking, a cancel, an edit, a policy or a zone
/// moved, whatever page or API route did it. Each node then sends <c>changed</c> only to the agents whose manifest
/// version moved (<see cref="PushMaintenance"/>). Added first in the pipeline by a startup filter, so it sees the final status.
/// </summary>
public sealed class PushChangeTrigger(RequestDelegate next, IStationPushBus bus, ILogger<PushChangeTrigger> log)
{
    /// <summary>Runs the request, then signals when it may have changed a plan.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (!MayChangePlans(context.Request, context.Response.StatusCode)) return;
        try
        {
            bus.Publish(new PushSignal(null, PushKind.Changed));
        }
        catch (Exception e)
        {
            // The agents still poll; a lost signal only delays them.
            log.LogWarning("Push signal after {Method} {Path} failed: {Reason}", context.Request.Method, context.Request.Path, e.Message);
        }
    }

    /// <summary>True for a successful write outside the station routes and sign-in.</summary>
    public static bool MayChangePlans(HttpRequest request, int status) =>
        status < 400 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Path.StartsWithSegments("/api/station") && !request.Path.StartsWithSegments("/api/auth")
        && !request.Path.StartsWithSegments("/account");

    /// <summary>Puts <see cref="PushChangeTrigger"/> first in the pipeline.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        /// <inheritdoc />
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<PushChangeTrigger>();
            next(app);
        };
    }
}
