using System.Net;
using System.Net.Http.Json;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>
/// For every route of the app (enumerated from its endpoints; an unclassified route fails): a user of unit A never
/// gets unit B's data, and a user without the needed role is refused with 403.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScopeAndRoleTests(AppFactory app)
{
    [Fact]
    public void Every_route_is_classified_for_role_and_scope()
    {
        var routes = RouteTable.Enumerate(app);
        Assert.True(routes.Count >= 60, $"only {routes.Count} routes found");
        var unclassified = routes.Where(r => !RouteRuleTable.Rules.ContainsKey(r.Key)).Select(r => $"{r.Key} ({r.Endpoint})").ToList();
        Assert.True(unclassified.Count == 0, "classify these routes in RouteRuleTable: " + string.Join(", ", unclassified));
        var stale = RouteRuleTable.Rules.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "RouteRuleTable lists routes the app no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task A_user_of_one_unit_gets_none_of_another_units_data_on_any_route()
    {
        var world = await ScopeWorld.SeedAsync(app);
        using var api = await app.CreateApiClientAsync(world.AdminA, ScopeWorld.Password);
        using var page = await PageBrowser.SignedInAsync(app, world.AdminA, ScopeWorld.Password);
        var token = PageBrowser.TokenIn(await page.PageAsync("/profile"));
        var communes = await api.GetStringAsync("/api/communes");
        Assert.Contains($"\"id\":{world.CommuneA}", communes);

        var failures = new List<string>();
        foreach (var route in RouteTable.Enumerate(app))
        {
            if (!RouteRuleTable.Rules.TryGetValue(route.Key, out var rule)) continue; // reported by the classification test
            foreach (var check in rule.Checks)
            {
                switch (check)
                {
                    case ScopeCheck.Listed listed:
                    {
                        var url = listed.Url(world);
                        var (status, body) = await SendAsync(url.StartsWith("/api", StringComparison.Ordinal) ? api : page.Client, new Probe("GET", url), token);
                        if (status != 200 || Leaks(body, world)) failures.Add($"{route.Key} as list {url}: {status}{(Leaks(body, world) ? ", leaks B" : "")}");
                        break;
                    }
                    case ScopeCheck.Foreign foreign:
                    {
                        var probe = foreign.Probe(world);
                        var (status, body) = await SendAsync(probe.Url.StartsWith("/api", StringComparison.Ordinal) ? api : page.Client, probe, token);
                        if (!probe.Refusals.Contains(status) || Leaks(body, world))
                            failures.Add($"{route.Key} {probe.Method} {probe.Url}: {status}{(Leaks(body, world) ? ", leaks B" : "")} {Shorten(body)}");
                        break;
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_user_without_the_needed_role_is_refused_with_403_on_every_route()
    {
        using var operatorApi = await app.CreateApiClientForRoleAsync(Roles.Operator);
        using var supervisorApi = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        using var operatorPage = await PageBrowser.SignedInAsync(app, Roles.Operator);
        using var supervisorPage = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var operatorToken = PageBrowser.TokenIn(await operatorPage.PageAsync("/profile"));
        var supervisorToken = PageBrowser.TokenIn(await supervisorPage.PageAsync("/profile"));

        var failures = new List<string>();
        var checkedRoutes = 0;
        foreach (var route in RouteTable.Enumerate(app))
        {
            if (!RouteRuleTable.Rules.TryGetValue(route.Key, out var rule) || rule.Need is Need.Anonymous or Need.Staff) continue;
            var wrongRoles = rule.Need == Need.Admin
                ? new[] { (Roles.Operator, operatorApi, operatorPage, operatorToken), (Roles.Supervisor, supervisorApi, supervisorPage, supervisorToken) }
                : [(Roles.Operator, operatorApi, operatorPage, operatorToken)];
            var path = RouteTable.Sample(route.Pattern);
            var isApi = path.StartsWith("/api", StringComparison.Ordinal);
            foreach (var (role, api, page, token) in wrongRoles)
            {
                var probe = route.Method == "GET" ? new Probe("GET", path) : isApi ? new Probe(route.Method, path, Json: new { }) : new Probe(route.Method, path, Form: []);
                var (status, body) = await SendAsync(isApi ? api : page.Client, probe, token);
                checkedRoutes++;
                if (status != 403) failures.Add($"{route.Key} as {role}: {status} {Shorten(body)}");
            }
        }
        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} wrong-role requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Sends the probe; a page's refusal by redirect to the access-denied page counts as 403.</summary>
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, Probe probe, string antiforgeryToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Form is { } form)
            request.Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("__RequestVerificationToken", antiforgeryToken)));
        else if (probe.Playlist is { } playlist)
            request.Content = new StringContent(playlist, Encoding.UTF8, "audio/x-mpegurl");
        else if (probe.Json is { } json)
            request.Content = JsonContent.Create(json);
        using var response = await client.SendAsync(request);
        var body = WebUtility.HtmlDecode(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        if (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.ToString().Contains("/account/denied", StringComparison.OrdinalIgnoreCase) == true)
            return (403, body);
        return ((int)response.StatusCode, body);
    }

    private static bool Leaks(string body, ScopeWorld world) => body.Contains(world.Marker, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
