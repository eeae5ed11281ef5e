using System.Net.Http.Headers;
using System.Net;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.StationPush;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>The push route opens for a station token only: a person's token, a cookie or nothing are refused.</summary>
[Collection(AppCollection.Name)]
public sealed class PushRouteAccessTests(AppFactory app)
{
    private const string Negotiate = "/api/station/push/negotiate?negotiateVersion=1";

    [Fact]
    public async Task A_station_token_negotiates_and_a_user_token_or_no_token_is_refused()
    {
        using var admin = await app.CreateApiClientAsync();
        var station = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = StationAgentWorld.Client(app, station.Token);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync(Negotiate, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Negotiate, null)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_push_route()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Core.Access.Roles.Admin);
        var response = await browser.Client.PostAsync(Negotiate, null);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_station_token_with_a_wrong_value_is_refused_with_its_code()
    {
        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bhst_not-a-real-token");
        var response = await forged.PostAsync(Negotiate, null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("station_token_invalid", await response.Content.ReadAsStringAsync());
    }
}
