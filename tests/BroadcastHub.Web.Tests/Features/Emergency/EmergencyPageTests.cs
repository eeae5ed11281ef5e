using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Emergency;

[Collection(AppCollection.Name)]
public sealed class EmergencyPageTests(AppFactory app)
{
    [Fact]
    public async Task An_operator_confirms_and_the_bulletin_airs_at_once_on_the_chosen_commune()
    {
        var scenario = new PlayoutScenario(app);
        var alert = await scenario.ApprovedToneAsync(0.5);
        var commune = app.Services.GetRequiredService<PlacesRepository>().CreateCommune("Xã có lũ", null);
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        Assert.Contains("Phát ngay (khẩn cấp)", await browser.PageAsync("/emergency"));

        var unconfirmed = await browser.SubmitAsync("/emergency", "/emergency",
            [("CommuneIds", commune.Id.ToString()), ("BulletinId", alert.Id.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("xác nhận", PageBrowser.TextOf(await PageBrowser.HtmlOf(unconfirmed)));
        Assert.Empty(Airtime(commune.Id));

        var sent = DateTimeOffset.UtcNow;
        var confirmed = await browser.SubmitAsync("/emergency", "/emergency",
            [("CommuneIds", commune.Id.ToString()), ("BulletinId", alert.Id.ToString()), ("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Đang phát khẩn cấp ở Xã có lũ.", PageBrowser.TextOf(await PageBrowser.HtmlOf(await browser.FollowAsync(confirmed))));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Airtime(commune.Id).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var record = Assert.Single(Airtime(commune.Id));
        Assert.Equal(AirtimeOutcome.Completed, record.Outcome);
        Assert.InRange(record.ActualStart!.Value - sent, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    private IReadOnlyList<AirtimeRecord> Airtime(long communeId) =>
        app.Services.GetRequiredService<AirtimeRepository>().Query(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), communeId);
}
