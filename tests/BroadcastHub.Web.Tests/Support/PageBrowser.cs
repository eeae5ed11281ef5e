using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>A cookie-keeping client that uses the pages like a browser: forms with their antiforgery token.</summary>
public sealed partial class PageBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>A browser without a session; it does not follow redirects by itself (see <see cref="FollowAsync"/>).</summary>
    public static PageBrowser Anonymous(AppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the real form as a new user of <paramref name="role"/>.</summary>
    public static Task<PageBrowser> SignedInAsync(AppFactory app, string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        return SignedInAsync(app, userName, app.CreateUser(userName, role));
    }

    public static async Task<PageBrowser> SignedInAsync(AppFactory app, string userName, string password)
    {
        var browser = Anonymous(app);
        var response = await browser.SubmitAsync("/account/signin", "/account/signin",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Follows redirects (as GET) and returns the final response.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400; hops++)
            response = await Client.GetAsync(response.Headers.Location);
        return response;
    }

    /// <summary>
    /// GETs a page (following redirects) and returns its HTML with character references decoded (the default HTML
    /// encoder writes Vietnamese letters as references); fails unless the status is <paramref name="expected"/>.
    /// </summary>
    public async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await FollowAsync(await Client.GetAsync(url));
        var html = await HtmlOf(response);
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode}\n{html}");
        return html;
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes its antiforgery token and posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, Dictionary<string, string> fields)
    {
        var token = TokenIn(await PageAsync(pageUrl));
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", token));
        return await Client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Like <see cref="SubmitAsync"/> with repeated field names (checkbox lists, ordered selects).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IEnumerable<(string Name, string Value)> fields)
    {
        var token = TokenIn(await PageAsync(pageUrl));
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await Client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Posts the library upload form with a file, as a browser does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string filePath, string title, string language = "vi", bool allowDuplicate = true)
    {
        var token = TokenIn(await PageAsync("/library"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Title" },
            { new StringContent(language), "Language" },
            { new StringContent(""), "ValidFrom" },
            { new StringContent(""), "ValidUntil" },
            { new StringContent(allowDuplicate ? "true" : "false"), "AllowDuplicate" },
        };
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(filePath));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(file, "file", Path.GetFileName(filePath));
        return await Client.PostAsync("/library/upload", form);
    }

    /// <summary>A response's HTML with character references decoded.</summary>
    public static async Task<string> HtmlOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no antiforgery token in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The page's text with tags removed and entities decoded, for readable assertions.</summary>
    public static string TextOf(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, " "));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    public void Dispose() => Client.Dispose();
}
