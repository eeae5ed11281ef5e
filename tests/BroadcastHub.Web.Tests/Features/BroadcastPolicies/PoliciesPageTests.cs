using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.BroadcastPolicies;

[Collection(AppCollection.Name)]
public sealed class PoliciesPageTests(AppFactory app)
{
    private PolicyRepository Policies => app.Services.GetRequiredService<PolicyRepository>();

    private (long Parent, long Child, string ParentName) TwoUnits()
    {
        var places = app.Services.GetRequiredService<PlacesRepository>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var parent = places.CreateUnit("Trung tâm QĐ " + tag, null);
        var child = places.CreateUnit("Phường QĐ " + tag, parent.Id);
        return (parent.Id, child.Id, parent.Name);
    }

    private static string Row(string html, long unitId) => PageSections.After(html, $"id=\"unit-{unitId}\"", "</li>");

    [Fact]
    public async Task AnAdminOfOneUnitSeesThePolicyItsUnitInheritsFromAbove()
    {
        var (parent, child, parentName) = TwoUnits();
        Policies.Set(parent, BroadcastPolicy.Default with { AllowedFrom = new TimeOnly(6, 15) });
        var userName = "admin-unit-" + Guid.NewGuid().ToString("N")[..6];
        const string password = "User-Test-Pass-1";
        app.Services.GetRequiredService<BroadcastHub.Web.Features.Users.AccountService>().CreateUser(userName, password, Roles.Admin, child);
        using var unitAdmin = await PageBrowser.SignedInAsync(app, userName, password);

        var page = await unitAdmin.PageAsync("/policies");

        Assert.DoesNotContain($"id=\"unit-{parent}\"", page);
        var row = Row(page, child);
        Assert.Contains(parentName, row);
        Assert.Contains("06:15", row);
        Assert.DoesNotContain("Mặc định của đài", row);
    }

    [Fact]
    public async Task AdminSeesEveryUnitsSourceAndSetsAPolicyThatTheChildInherits()
    {
        var (parent, child, parentName) = TwoUnits();
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        Assert.Contains("href=\"/policies\"", await admin.PageAsync("/"));
        Assert.Contains("href=\"/policies\"", await admin.PageAsync("/communes"));
        var before = await admin.PageAsync("/policies");
        PageSections.EveryPostFormHasAToken(before);
        Assert.Contains("Mặc định của đài", Row(before, parent));
        Assert.Contains("Mặc định của đài", Row(before, child));

        var saved = await admin.SubmitAsync("/policies", $"/policies/{parent}",
            [("AllowedFrom", "06:00"), ("AllowedTo", "20:30"), ("Weekdays", "1"), ("Weekdays", "2"), ("Weekdays", "3"), ("Weekdays", "4"), ("Weekdays", "5"),
             ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new BroadcastPolicy(new TimeOnly(6, 0), new TimeOnly(20, 30), IsoWeekdays.FromIso([1, 2, 3, 4, 5]), 60, 3), Policies.Own(parent));
        Assert.Null(Policies.Own(child));
        var after = await admin.PageAsync("/policies");
        Assert.Contains("Quy định riêng", Row(after, parent));
        var childRow = PageBrowser.TextOf(Row(after, child));
        Assert.Contains($"Kế thừa từ {parentName}", childRow);
        Assert.Contains("06:00–20:30", childRow);
        Assert.Contains("Đã lưu quy định phát thanh", PageBrowser.TextOf(after));
    }

    [Fact]
    public async Task AnInvalidPolicyIsRefusedInItsOwnFormAndChangesNothing()
    {
        var (parent, child, _) = TwoUnits();
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);

        var reversed = await admin.SubmitAsync("/policies", $"/policies/{child}",
            [("AllowedFrom", "18:00"), ("AllowedTo", "06:00"), ("Weekdays", "1"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        var form = Row(await PageBrowser.HtmlOf(reversed), child);
        Assert.Contains("giờ kết thúc sau giờ bắt đầu", PageBrowser.TextOf(form));
        Assert.Contains("value=\"06:00\"", form);

        var tooMany = await admin.SubmitAsync("/policies", $"/policies/{parent}",
            [("AllowedFrom", "05:00"), ("AllowedTo", "21:00"), ("Weekdays", "1"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "99")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("số buổi tối đa từ 1 đến 48", PageBrowser.TextOf(Row(await PageBrowser.HtmlOf(tooMany), parent)));

        var noDays = await admin.SubmitAsync("/policies", $"/policies/{parent}",
            [("AllowedFrom", "05:00"), ("AllowedTo", "21:00"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]);
        Assert.Equal(HttpStatusCode.BadRequest, noDays.StatusCode);
        Assert.Contains("Ngày trong tuần phải là các số 1 đến 7", PageBrowser.TextOf(await PageBrowser.HtmlOf(noDays)));

        await admin.SubmitAsync("/policies", "/language", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/policies" });
        Assert.Contains("Station default", PageBrowser.TextOf(Row(await admin.PageAsync("/policies"), child)));
        var english = await admin.SubmitAsync("/policies", $"/policies/{child}",
            [("AllowedFrom", "18:00"), ("AllowedTo", "06:00"), ("Weekdays", "1"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]);
        Assert.Contains("allowedTo after allowedFrom", PageBrowser.TextOf(Row(await PageBrowser.HtmlOf(english), child)));

        Assert.Null(Policies.Own(parent));
        Assert.Null(Policies.Own(child));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Operator)]
    public async Task OtherRolesAreForbiddenAndSeeNoLink(string role)
    {
        var (parent, _, _) = TwoUnits();
        using var browser = await PageBrowser.SignedInAsync(app, role);
        Assert.DoesNotContain("href=\"/policies\"", await browser.PageAsync("/communes"));
        await browser.PageAsync("/policies", HttpStatusCode.Forbidden);
        var post = await browser.FollowAsync(await browser.SubmitAsync("/profile", $"/policies/{parent}",
            [("AllowedFrom", "06:00"), ("AllowedTo", "20:00"), ("Weekdays", "1"), ("MaxSessionMinutes", "60"), ("MaxSessionsPerDay", "3")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(Policies.Own(parent));
    }
}
