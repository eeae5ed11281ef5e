using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Infrastructure.Localisation;

/// <summary>Every API message follows <c>Accept-Language</c>: <c>vi</c> or <c>en</c> (not only <c>en-US</c>), Vietnamese by default.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ApiLanguageTests(AppFactory app)
{
    [Fact]
    public async Task EachRefusalAnswersInVietnameseOrEnglishAsAsked()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var operatorApi = await app.CreateApiClientForRoleAsync(Roles.Operator);
        using var admin = await app.CreateApiClientAsync();
        var refusals = new (string Code, HttpClient Client, Func<HttpRequestMessage> Request)[]
        {
            ("unauthorized", anonymous, () => new(HttpMethod.Get, "/api/communes")),
            ("forbidden", operatorApi, () => new(HttpMethod.Post, "/api/units") { Content = JsonContent.Create(new { name = "x" }) }),
            ("not_found", admin, () => new(HttpMethod.Get, "/api/no-such-route")),
            ("method_not_allowed", admin, () => new(HttpMethod.Delete, "/api/communes")),
            ("unsupported_media_type", admin, () => new(HttpMethod.Post, "/api/units") { Content = new StringContent("x", Encoding.UTF8, "text/plain") }),
            ("invalid_request", admin, () => new(HttpMethod.Post, "/api/units") { Content = new StringContent("{ \"name\": ", Encoding.UTF8, "application/json") }),
            ("invalid_request", admin, () => new(HttpMethod.Post, "/api/units") { Content = new StringContent("{ \"name\": 5 }", Encoding.UTF8, "application/json") }),
            ("multipart_required", admin, () => new(HttpMethod.Post, "/api/bulletins") { Content = JsonContent.Create(new { title = "x" }) }),
            ("common_password", admin, () => new(HttpMethod.Post, "/api/users")
                { Content = JsonContent.Create(new { userName = "ngon-ngu-1", password = "password123", role = Roles.Admin, unitId = (long?)null }) }),
            ("weak_password", admin, () => new(HttpMethod.Post, "/api/users")
                { Content = JsonContent.Create(new { userName = "ngon-ngu-2", password = "short", role = Roles.Admin, unitId = (long?)null }) }),
        };
        foreach (var (code, client, request) in refusals)
        {
            var vietnamese = await MessageAsync(client, request, "vi", code);
            var english = await MessageAsync(client, request, "en", code);
            Assert.False(string.IsNullOrWhiteSpace(vietnamese), code);
            Assert.False(string.IsNullOrWhiteSpace(english), code);
            Assert.NotEqual(vietnamese, english);
            Assert.True(VietnameseLetter().IsMatch(vietnamese), $"{code}: no Vietnamese letter in \"{vietnamese}\"");
            Assert.False(VietnameseLetter().IsMatch(english), $"{code}: Vietnamese letters in \"{english}\"");
            Assert.Equal(english, await MessageAsync(client, request, "en-GB, vi;q=0.5", code));
            Assert.Equal(english, await MessageAsync(client, request, "fr-FR, en;q=0.8, vi;q=0.3", code));
            Assert.Equal(vietnamese, await MessageAsync(client, request, "vi-VN", code));
            Assert.Equal(vietnamese, await MessageAsync(client, request, null, code)); // Vietnamese by default
        }
    }

    [Theory]
    [InlineData("en", "en-US")]
    [InlineData("EN", "en-US")]
    [InlineData("en-GB", "en-US")]
    [InlineData("vi", "vi-VN")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.8", "vi-VN")]
    [InlineData("en;q=0.2, vi;q=0.8", "vi-VN")]
    [InlineData("fr, de;q=0.9, en;q=0.1", "en-US")]
    [InlineData("vi;q=0, en", "en-US")]
    [InlineData("fr", null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    public void AcceptLanguageChoosesTheFirstVietnameseOrEnglishTag(string header, string? culture) =>
        Assert.Equal(culture, ApiLanguage.CultureOf(header));

    private static async Task<string> MessageAsync(HttpClient client, Func<HttpRequestMessage> create, string? language, string code)
    {
        using var request = create();
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{code} ({language}): {(int)response.StatusCode} {body}");
        var json = await response.JsonAsync();
        Assert.True(code == json.GetProperty("error").GetString(), $"{code} ({language}): {(int)response.StatusCode} {body}");
        return json.GetProperty("message").GetString() ?? "";
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();
}
