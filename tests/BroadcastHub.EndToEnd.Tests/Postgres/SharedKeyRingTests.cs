using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.EndToEnd;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Issue 11: behind a load balancer a browser's requests land on any node, so the data-protection key ring (sign-in
/// cookies, antiforgery tokens) is in the shared PostgreSQL database: a cookie and a form token issued by one node are
/// accepted by the other, and no node keeps a key ring of its own.
/// </summary>
public sealed partial class SharedKeyRingTests(ITestOutputHelper output)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [PostgresFact]
    public async Task A_cookie_and_an_antiforgery_token_issued_by_node_one_are_accepted_by_node_two()
    {
        await using var nodes = new TwoNodes();
        await nodes.StartAsync();
        var cookies = new CookieContainer();   // one browser: cookies are per host, whatever the port (node)
        using var one = Browser(nodes.One, cookies);
        using var two = Browser(nodes.Two, cookies);
        try
        {
            var signIn = await PostFormAsync(one, one, "/account/signin",
                new() { ["UserName"] = "admin", ["Password"] = AppProcess.AdminPassword });
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);

            var dashboard = await two.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

            // The layout's sign-out form carries a token issued by node one for this user; node two must accept it.
            var signOut = await PostFormAsync(one, two, "/account/signout", [], page: "/");
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/account/signin", signOut.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await one.GetAsync("/")).StatusCode);

            // And the other way round: a sign-in form served by node two, posted to node one.
            var again = await PostFormAsync(two, one, "/account/signin",
                new() { ["UserName"] = "admin", ["Password"] = AppProcess.AdminPassword });
            Assert.Equal("/", again.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/")).StatusCode);

            using var db = nodes.Database.Open();
            Assert.Equal(1, db.ExecuteScalar<long>("SELECT count(*) FROM data_protection_keys WHERE name LIKE 'key-%'"));
            Assert.All(nodes.Both, n => Assert.False(Directory.Exists(Path.Combine(n.DataPath, "keys", "data-protection"))));
        }
        finally
        {
            output.WriteLine(nodes.Output);
        }
    }

    private static HttpClient Browser(AppProcess node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{node.Port}"),
        };

    /// <summary>Reads the antiforgery token from <paramref name="page"/> (default: the form's own path) on
    /// <paramref name="from"/>, then posts the form with it to <paramref name="to"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient from, HttpClient to, string path, Dictionary<string, string> fields, string? page = null)
    {
        var html = await from.GetStringAsync(page ?? path);
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "no antiforgery token on " + (page ?? path));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups[1].Value);
        var response = await to.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
