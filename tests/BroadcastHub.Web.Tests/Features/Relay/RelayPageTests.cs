using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.Features.Scheduling;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>The /relay page (Vietnamese first): add, probe with the answer shown, refuse a bad URL, edit, delete; and a relay booked on /schedule.</summary>
[Collection(AppCollection.Name)]
public sealed partial class RelayPageTests(AppFactory app)
{
    [Fact]
    public async Task An_admin_adds_probes_edits_and_deletes_a_source_on_the_page()
    {
        await using var mp3 = await LiveMp3Server.StartAsync();
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var name = "VOV giao thông " + Guid.NewGuid().ToString("N")[..6];

        var bad = await browser.SubmitAsync("/relay", "/relay/create", new Dictionary<string, string> { ["name"] = name, ["url"] = "file:///etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Chỉ nhận địa chỉ tuyệt đối bắt đầu bằng http:// hoặc https://", PageBrowser.TextOf(await PageBrowser.HtmlOf(bad)));

        var added = await browser.FollowAsync(await browser.SubmitAsync("/relay", "/relay/create",
            new Dictionary<string, string> { ["name"] = name, ["url"] = mp3.Url.AbsoluteUri }));
        var html = await PageBrowser.HtmlOf(added);
        Assert.Contains($"Đã thêm nguồn tiếp sóng \"{name}\"", WebUtility.HtmlDecode(html));
        var id = SourceRow().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Single(i => html.IndexOf($"data-relay-source=\"{i}\"", StringComparison.Ordinal) is var at
                && WebUtility.HtmlDecode(html[at..Math.Min(html.Length, at + 600)]).Contains($"value=\"{name}\"", StringComparison.Ordinal));

        var probed = await browser.SubmitAsync("/relay", $"/relay/{id}/probe", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, probed.StatusCode);
        var answer = Regex.Replace(PageBrowser.TextOf(await PageBrowser.HtmlOf(probed)), @"\s+", " ");
        Assert.Contains("kết nối được", answer);
        Assert.Contains("mp3 , 48000 Hz", answer);
        Assert.Contains("128 kbit/s", answer);

        var edited = await browser.FollowAsync(await browser.SubmitAsync("/relay", $"/relay/{id}/update",
            new Dictionary<string, string> { ["name"] = name + " (mới)", ["url"] = mp3.Url.AbsoluteUri }));
        Assert.Contains(name + " (mới)", WebUtility.HtmlDecode(await PageBrowser.HtmlOf(edited)));

        var deleted = await browser.FollowAsync(await browser.SubmitAsync("/relay", $"/relay/{id}/delete", new Dictionary<string, string>()));
        Assert.DoesNotContain($"data-relay-source=\"{id}\"", await PageBrowser.HtmlOf(deleted));
    }

    [Fact]
    public async Task The_page_is_for_admins_and_its_link_is_in_their_menu()
    {
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        Assert.Contains("href=\"/relay\"", await admin.PageAsync("/"));
        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        Assert.DoesNotContain("href=\"/relay\"", await operatorBrowser.PageAsync("/"));
        var refused = await operatorBrowser.Client.GetAsync("/relay");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_booking_form_books_a_relay_until_the_session_end()
    {
        using var api = await app.CreateApiClientAsync();
        var http = new SchedulingHttp(app, api);
        var commune = await http.CommuneAsync("Xã đặt tiếp sóng " + Guid.NewGuid().ToString("N")[..6]);
        var session = await http.SessionAsync(commune, "07:00:00", 15);
        var source = (await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/relay-sources",
            new { name = "Đài huyện " + Guid.NewGuid().ToString("N")[..6], url = "http://radio.example/huyen.mp3" })).JsonAsync()).GetProperty("id").GetInt64();
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var form = await browser.PageAsync($"/schedule?communeId={commune}");
        Assert.Contains("data-relay-booking", form);
        Assert.Contains("đến hết buổi", form);

        var day = SchedulingHttp.Day(1);
        var booked = await browser.SubmitAsync($"/schedule?communeId={commune}", "/schedule/book", new Dictionary<string, string>
        {
            ["SessionId"] = session.ToString(System.Globalization.CultureInfo.InvariantCulture), ["From"] = day, ["To"] = day,
            ["RelaySourceId"] = source.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RelayUntilEnd"] = "true",
        });
        Assert.True(booked.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, booked.StatusCode.ToString());
        var relay = (await http.RundownJsonAsync(session, day)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(15 * 60, relay.GetProperty("relay").GetProperty("seconds").GetDouble(), 3);
    }

    [GeneratedRegex("data-relay-source=\"(\\d+)\"")]
    private static partial Regex SourceRow();
}
