using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Places;

[Collection(AppCollection.Name)]
public sealed class CommunesPageTests(AppFactory app)
{
    [Fact]
    public async Task AdminBuildsAUnitACommuneAClusterAndASession()
    {
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var commune = await CreateCommuneAsync(admin, "Xã Thử " + Guid.NewGuid().ToString("N")[..4]);
        var detail = $"/communes/{commune}";

        var cluster = await admin.SubmitAsync(detail, $"{detail}/clusters", new Dictionary<string, string> { ["name"] = "Cụm loa chợ" });
        Assert.Equal(HttpStatusCode.Redirect, cluster.StatusCode);
        var session = await admin.SubmitAsync(detail, $"{detail}/sessions",
            [("Weekdays", "1"), ("Weekdays", "3"), ("Weekdays", "5"), ("Start", "17:00:00"), ("LengthMinutes", "45")]);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);

        var text = PageBrowser.TextOf(await admin.PageAsync(detail));
        Assert.Contains("Cụm loa chợ", text);
        Assert.Contains("17:00:00", text);
        Assert.Contains("Thứ 2, Thứ 4, Thứ 6", text);
    }

    [Fact]
    public async Task BadInputIsRefusedWithAReasonAndAddsNothing()
    {
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var commune = await CreateCommuneAsync(admin, "Xã Sai " + Guid.NewGuid().ToString("N")[..4]);
        var detail = $"/communes/{commune}";

        var noDays = await admin.SubmitAsync(detail, $"{detail}/sessions", [("Start", "05:30:00"), ("LengthMinutes", "30")]);
        Assert.Equal(HttpStatusCode.BadRequest, noDays.StatusCode);
        Assert.Contains("ít nhất một ngày", PageBrowser.TextOf(await PageBrowser.HtmlOf(noDays)));

        var badStart = await admin.SubmitAsync(detail, $"{detail}/sessions", [("Weekdays", "2"), ("Start", "25:99"), ("LengthMinutes", "30")]);
        Assert.Equal(HttpStatusCode.BadRequest, badStart.StatusCode);
        var html = await PageBrowser.HtmlOf(badStart);
        Assert.Contains("HH:mm:ss", PageBrowser.TextOf(html));
        Assert.Contains("value=\"25:99\"", html);

        var noName = await admin.SubmitAsync(detail, $"{detail}/clusters", new Dictionary<string, string> { ["name"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("Hãy nhập tên cụm loa", PageBrowser.TextOf(await PageBrowser.HtmlOf(noName)));

        var text = PageBrowser.TextOf(await admin.PageAsync(detail));
        Assert.Contains("Chưa có khung giờ phát nào", text);
        Assert.Contains("Chưa có cụm loa nào", text);

        var missing = await admin.SubmitAsync("/communes", "/communes/create", new Dictionary<string, string> { ["Name"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Hãy nhập tên", PageBrowser.TextOf(await PageBrowser.HtmlOf(missing)));
    }

    /// <summary>Creates a unit, then a commune under it, through the forms; returns the commune id.</summary>
    internal static async Task<long> CreateCommuneAsync(PageBrowser admin, string name)
    {
        var unitName = "Trung tâm " + name;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/communes", "/communes/units",
            new Dictionary<string, string> { ["Name"] = unitName })).StatusCode);
        var html = await admin.PageAsync("/communes");
        var at = html.IndexOf($">{unitName}</option>", StringComparison.Ordinal);
        var valueAt = html.LastIndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        var unitId = html[valueAt..html.IndexOf('"', valueAt)];
        var created = await admin.SubmitAsync("/communes", "/communes/create",
            new Dictionary<string, string> { ["Name"] = name, ["ParentUnitId"] = unitId });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Contains(name, PageBrowser.TextOf(await admin.PageAsync("/communes")));
        return long.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
