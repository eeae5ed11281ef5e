using System.Globalization;
using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Places;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class ScheduleAndAirtimePageTests(AppFactory app)
{
    private static readonly TimeSpan StationOffset = TimeSpan.FromHours(7);

    private static DateTimeOffset StationNow => TimeProvider.System.GetUtcNow().ToOffset(StationOffset);

    private static string Day(int offset) => StationNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task OperatorBooksAnApprovedBulletinAndSeesThePlannedOccurrences()
    {
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var name = "Xã Lịch " + Guid.NewGuid().ToString("N")[..4];
        var commune = await CommunesPageTests.CreateCommuneAsync(admin, name);
        var start = StationNow.AddHours(3).ToString("HH:00:00", CultureInfo.InvariantCulture);
        await admin.SubmitAsync($"/communes/{commune}", $"/communes/{commune}/sessions",
            [.. Enumerable.Range(1, 7).Select(d => ("Weekdays", d.ToString(CultureInfo.InvariantCulture))), ("Start", start), ("LengthMinutes", "20")]);
        var title = "Bản tin đặt lịch " + Guid.NewGuid().ToString("N")[..4];
        await admin.UploadAsync(Fixtures.File("bulletin-vi-mono-22k-cbr64.mp3"), title);
        var bulletinId = LibraryPageTests.IdOf(await admin.PageAsync("/library"), title);
        await admin.SubmitAsync("/library", $"/library/{bulletinId}/approve", new Dictionary<string, string>());

        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var form = await operatorBrowser.PageAsync($"/schedule?communeId={commune}");
        Assert.Contains(title, form);
        var sessionId = OptionValue(form, $"{start[..5]} · 20");

        var refused = await operatorBrowser.SubmitAsync("/schedule", "/schedule/book",
            [("SessionId", sessionId), ("From", Day(0)), ("To", Day(2))]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Hãy chọn ít nhất một bản tin", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));

        var booked = await operatorBrowser.FollowAsync(await operatorBrowser.SubmitAsync("/schedule", "/schedule/book",
            [("SessionId", sessionId), ("BulletinIds", bulletinId.ToString(CultureInfo.InvariantCulture)), ("BulletinIds", ""),
             ("From", Day(0)), ("To", Day(2))]));
        var html = await PageBrowser.HtmlOf(booked);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var text = PageBrowser.TextOf(html);
        Assert.Contains("Đã đặt lịch phát", text);
        Assert.Contains(title, text);
        Assert.Contains(Day(2), text);
        Assert.Contains(start, text);

        var upcoming = PageBrowser.TextOf(await operatorBrowser.PageAsync("/schedule"));
        Assert.Contains(name, upcoming);
        Assert.Contains("Đã lên lịch", upcoming);
        var dashboard = PageBrowser.TextOf(await operatorBrowser.PageAsync("/"));
        Assert.Contains(name, dashboard);
        Assert.Contains(start[..5], dashboard);
        Assert.DoesNotContain(start, dashboard); // HH:mm: seconds mean nothing in a list of sessions
    }

    [Fact]
    public async Task AirtimeCsvExportHasTheHeaderRowAndTheFileName()
    {
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var response = await supervisor.Client.GetAsync($"/airtime/export?from={Day(-1)}&to={Day(0)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"nhat-ky-phat-{Day(-1)}-{Day(0)}.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Mã buổi phát,Thứ tự,Mã xã/phường,Xã/phường,Mã bản tin,Bản tin,Khung giờ phát,Giờ dự kiến,Bắt đầu thực tế,Kết thúc thực tế,Số giây đã phát,Mã kết quả,Kết quả,Ghi chú",
            body.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task AirtimeFiltersRefuseBadDatesWithAMessage()
    {
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var page = PageBrowser.TextOf(await supervisor.PageAsync("/airtime"));
        Assert.Contains("Nhật ký phát", page);
        Assert.Contains("Xuất CSV", page);

        var reversed = await supervisor.Client.GetAsync($"/airtime?from={Day(0)}&to={Day(-3)}");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("Ngày kết thúc phải sau ngày bắt đầu", PageBrowser.TextOf(await PageBrowser.HtmlOf(reversed)));

        var badExport = await supervisor.Client.GetAsync("/airtime/export?from=2025-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, badExport.StatusCode);
        Assert.Contains("yyyy-MM-dd", PageBrowser.TextOf(await PageBrowser.HtmlOf(badExport)));
    }

    private static string OptionValue(string html, string label)
    {
        var at = html.IndexOf(label, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no option '{label}'");
        var valueAt = html.LastIndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        return html[valueAt..html.IndexOf('"', valueAt)];
    }
}
