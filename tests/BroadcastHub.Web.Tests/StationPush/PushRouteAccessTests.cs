using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Web.Tests.Support;
using BroadcastHub.Web.Tests.AgentEndToEnd;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Airtime;
using BroadcastHub.Web.Tests.Features.Audit;
using BroadcastHub.Web.Tests.Features.BroadcastPolicies;
using BroadcastHub.Web.Tests.Features.Dashboard;
using BroadcastHub.Web.Tests.Features.Emergency;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Places;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Scheduling;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Infrastructure.Cli;
using BroadcastHub.Web.Tests.Infrastructure.Errors;
using BroadcastHub.Web.Tests.Infrastructure.Localisation;
using BroadcastHub.Web.Tests.Infrastructure.Mvc;
using BroadcastHub.Web.Tests.Localisation;
using BroadcastHub.Web.Tests.Newsroom;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Postgres;
using BroadcastHub.Web.Tests.Rules;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Services;
using BroadcastHub.Web.Tests.Settings;
using BroadcastHub.Web.Tests.Soak;
using BroadcastHub.Web.Tests.StationPush;

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
