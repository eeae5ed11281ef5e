using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>One route of the app: an HTTP method and its route pattern as written (e.g. <c>GET /api/sessions/{id:long}/rundown</c>).</summary>
public sealed record AppRoute(string Method, string Pattern, string? Endpoint = null)
{
    /// <summary>The key the security tables classify a route by.</summary>
    public string Key => $"{Method} {Pattern}";
}

/// <summary>
/// Every page and API route the app maps, read from its endpoint data sources (so a new route shows up here); a
/// conventional route's link-generation placeholder, which never matches a request, is left out.
/// </summary>
public static partial class RouteTable
{
    public static IReadOnlyList<AppRoute> Enumerate(AppFactory app) =>
        app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new AppRoute(m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e.DisplayName)))
            .Distinct().ToList();

    /// <summary>A concrete path for the pattern: every parameter becomes 1 (a catch-all becomes a Hangfire page).</summary>
    public static string Sample(string pattern) =>
        Parameter().Replace(pattern, m => m.Value.Contains("**") ? "jobs/enqueued" : "1");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
