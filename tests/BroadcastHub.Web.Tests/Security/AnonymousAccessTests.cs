using System.Net;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class AnonymousAccessTests(AppFactory app)
{
    private static readonly HashSet<string> PublicRoutes = ["/account/signin", "/account/denied", "/health", "/api/auth/token"];

    [Fact]
    public async Task Every_page_and_api_route_refuses_anonymous_requests()
    {
        var routes = EnumerateRoutes().ToList();
        Assert.Contains(routes, r => r.Path.StartsWith("/api/bulletins", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Path.StartsWith("/hangfire", StringComparison.Ordinal));
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes found");

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var leaks = new List<string>();
        foreach (var (method, path) in routes.Where(r => !PublicRoutes.Contains(r.Path.TrimEnd('/').ToLowerInvariant())))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "DELETE") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/signin", StringComparison.OrdinalIgnoreCase))
                || (response.StatusCode == HttpStatusCode.BadRequest && !path.StartsWith("/api", StringComparison.Ordinal)); // antiforgery refuses first
            if (!refused) leaks.Add($"{method} {path} → {(int)response.StatusCode}");
        }
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Api_refusal_is_401_with_the_error_shape_and_pages_redirect_to_sign_in()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var api = await client.GetAsync("/api/communes");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await client.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_and_sign_in_stay_reachable_anonymously()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/communes")).StatusCode);
    }

    private IEnumerable<(string Method, string Path)> EnumerateRoutes() =>
        RouteTable.Enumerate(app).Select(r => (r.Method, RouteTable.Sample(r.Pattern)));
}
