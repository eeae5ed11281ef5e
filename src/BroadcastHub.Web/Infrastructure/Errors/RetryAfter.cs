namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>Every 503 (busy) answer tells clients when to try again.</summary>
public static class RetryAfter
{
    /// <summary>Seconds a client is asked to wait after a 503.</summary>
    public const int Seconds = 30;

    /// <summary>Adds <c>Retry-After</c> to 503 answers that do not set one.</summary>
    public static IApplicationBuilder UseRetryAfterWhenBusy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
                context.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next();
    });
}
