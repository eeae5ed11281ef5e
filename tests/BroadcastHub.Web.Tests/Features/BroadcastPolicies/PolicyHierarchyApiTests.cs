using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.BroadcastPolicies;

[Collection(AppCollection.Name)]
public sealed class PolicyHierarchyApiTests(AppFactory app)
{
    private static readonly object Province = new { allowedFrom = "05:00", allowedTo = "21:00", weekdays = new[] { 1, 2, 3, 4, 5, 6 }, maxSessionMinutes = 60, maxSessionsPerDay = 3 };

    private PolicyRepository Policies => app.Services.GetRequiredService<PolicyRepository>();

    private static async Task<(long Parent, long Child, long Commune)> TreeAsync(HttpClient client)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var parent = (await (await client.PostAsJsonAsync("/api/units", new { name = "Tỉnh " + tag })).JsonAsync()).GetProperty("id").GetInt64();
        var child = (await (await client.PostAsJsonAsync("/api/units", new { name = "Xã " + tag, parentUnitId = parent })).JsonAsync()).GetProperty("id").GetInt64();
        var commune = (await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã " + tag, parentUnitId = child })).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/units/{parent}/policy", Province)).StatusCode);
        return (parent, child, commune);
    }

    [Fact]
    public async Task A_unit_policy_wider_than_the_one_above_is_refused_and_changes_nothing()
    {
        var client = await app.CreateApiClientAsync();
        var (_, child, commune) = await TreeAsync(client);

        var allDay = await client.PutAsJsonAsync($"/api/units/{child}/policy",
            new { allowedFrom = "00:00", allowedTo = "24:00", weekdays = new[] { 1, 2, 3, 4, 5, 6 }, maxSessionMinutes = 60, maxSessionsPerDay = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, allDay.StatusCode);
        Assert.Equal("policy_wider_than_parent", await allDay.ErrorCodeAsync());
        Assert.Contains("05:00–21:00", await allDay.Content.ReadAsStringAsync());
        Assert.Equal("policy_wider_than_parent", await (await client.PutAsJsonAsync($"/api/units/{child}/policy",
            new { allowedFrom = "06:00", allowedTo = "20:00", weekdays = new[] { 7 } })).ErrorCodeAsync());
        Assert.Equal("policy_wider_than_parent", await (await client.PutAsJsonAsync($"/api/units/{child}/policy",
            new { allowedFrom = "06:00", allowedTo = "20:00", maxSessionMinutes = 90 })).ErrorCodeAsync());
        Assert.Null(Policies.Own(child));
        Assert.Equal("05:00", (await (await client.GetAsync($"/api/communes/{commune}/policy")).JsonAsync()).GetProperty("allowedFrom").GetString());

        var narrower = await client.PutAsJsonAsync($"/api/units/{child}/policy", new { allowedFrom = "05:30", allowedTo = "20:00" });
        Assert.Equal(HttpStatusCode.OK, narrower.StatusCode);
        var stored = await narrower.JsonAsync();
        Assert.Equal([1, 2, 3, 4, 5, 6], stored.GetProperty("weekdays").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(60, stored.GetProperty("maxSessionMinutes").GetInt32());
    }

    [Fact]
    public async Task A_parent_that_narrows_later_narrows_its_children_and_old_wide_data_cannot_widen()
    {
        var client = await app.CreateApiClientAsync();
        var (parent, child, commune) = await TreeAsync(client);
        Policies.Set(child, new BroadcastPolicy(TimeOnly.MinValue, TimeOnly.MinValue, IsoWeekdays.Every, 240, 10));
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/units/{parent}/policy",
            new { allowedFrom = "06:00", allowedTo = "19:00", weekdays = new[] { 1, 2, 3, 4, 5 }, maxSessionMinutes = 45, maxSessionsPerDay = 2 })).StatusCode);

        var inForce = await (await client.GetAsync($"/api/communes/{commune}/policy")).JsonAsync();
        Assert.Equal("06:00", inForce.GetProperty("allowedFrom").GetString());
        Assert.Equal("19:00", inForce.GetProperty("allowedTo").GetString());
        Assert.Equal([1, 2, 3, 4, 5], inForce.GetProperty("weekdays").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(45, inForce.GetProperty("maxSessionMinutes").GetInt32());
        var night = await client.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 1 }, start = "03:15:00", lengthMinutes = 30 });
        Assert.Equal("outside_allowed_hours", await night.ErrorCodeAsync());
    }

    [Fact]
    public async Task The_policies_page_refuses_a_wider_policy_in_its_form_and_shows_the_intersection()
    {
        var client = await app.CreateApiClientAsync();
        var (_, child, _) = await TreeAsync(client);
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);

        var wide = await admin.SubmitAsync("/policies", $"/policies/{child}",
            [("AllowedFrom", "00:00"), ("AllowedTo", "24:00"), ("Weekdays", "1"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]);

        Assert.Equal(HttpStatusCode.BadRequest, wide.StatusCode);
        var text = PageBrowser.TextOf(PageSections.After(await PageBrowser.HtmlOf(wide), $"id=\"unit-{child}\"", "</li>"));
        Assert.Contains("rộng hơn quy định của đơn vị cấp trên", text);
        Assert.Contains("05:00–21:00", text);
        Assert.Null(Policies.Own(child));

        Policies.Set(child, new BroadcastPolicy(new TimeOnly(4, 0), new TimeOnly(20, 0), IsoWeekdays.Every, 60, 3));
        var row = PageBrowser.TextOf(PageSections.After(await admin.PageAsync("/policies"), $"id=\"unit-{child}\"", "</li>"));
        Assert.Contains("05:00–20:00", row);
    }
}
