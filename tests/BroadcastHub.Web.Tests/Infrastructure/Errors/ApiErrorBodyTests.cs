using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Infrastructure.Errors;

/// <summary>Refusals from the framework (authentication, authorization, routing, MVC) carry the API's error body too.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiErrorBodyTests(AppFactory app)
{
    [Fact]
    public async Task EveryFrameworkRefusalOfTheApiHasTheErrorBodyWithAStableCode()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var badToken = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bhp_not-a-token");
        using var operatorApi = await app.CreateApiClientForRoleAsync(Roles.Operator);
        using var admin = await app.CreateApiClientAsync();

        await AssertErrorAsync(await anonymous.GetAsync("/api/communes"), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertErrorAsync(await anonymous.GetAsync("/api/no-such-route"), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertErrorAsync(await badToken.GetAsync("/api/communes"), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertErrorAsync(await operatorApi.PostAsJsonAsync("/api/units", new { name = "Không được" }), HttpStatusCode.Forbidden, "forbidden");
        await AssertErrorAsync(await admin.GetAsync("/api/no-such-route"), HttpStatusCode.NotFound, "not_found");
        await AssertErrorAsync(await admin.GetAsync("/api/communes/x/y/z"), HttpStatusCode.NotFound, "not_found");
        var wrongMethod = await admin.DeleteAsync("/api/communes");
        await AssertErrorAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await AssertErrorAsync(await admin.PostAsync("/api/units", new StringContent("name=x", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertErrorAsync(await admin.PostAsync("/api/units", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task PagesKeepTheirOwnAnswers()
    {
        using var anonymous = PageBrowser.Anonymous(app);
        var toSignIn = await anonymous.Client.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/account/signin", toSignIn.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);

        using var operatorPages = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var missing = await operatorPages.Client.GetAsync("/no-such-page/at-all");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotEqual("application/json", missing.Content.Headers.ContentType?.MediaType);
        var denied = await operatorPages.Client.GetAsync("/users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        var request = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}";
        Assert.True(status == response.StatusCode, $"{request}: {(int)response.StatusCode} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{request}: {response.Content.Headers.ContentType} {body}");
        var json = await response.JsonAsync();
        Assert.Equal(code, json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()), $"{request}: {body}");
    }
}
