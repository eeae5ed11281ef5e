using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

/// <summary>A file already in the library is refused with a link to the bulletin holding it, unless a second copy is asked for.</summary>
[Collection(AppCollection.Name)]
public sealed class DuplicateUploadTests(AppFactory app)
{
    [Fact]
    public async Task TheApiRefusesADuplicateWithTheExistingBulletinAndStoresNothingUnlessAllowed()
    {
        using var api = await app.CreateApiClientAsync();
        var wav = UniqueUpload.Wav();
        var first = UniqueUpload.Title("Tin gốc");
        var id = await UniqueUpload.ThroughApiAsync(api, wav, first);
        var sha = (await (await api.GetAsync($"/api/bulletins/{id}")).JsonAsync()).GetProperty("sha256").GetString()!;

        using var again = UniqueUpload.Form(wav, UniqueUpload.Title("Tin trùng"));
        var refused = await api.PostAsync("/api/bulletins", again);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("duplicate_upload", body.GetProperty("error").GetString());
        Assert.Equal(id, body.GetProperty("existingId").GetInt64());
        Assert.Equal(first, body.GetProperty("existingTitle").GetString());
        Assert.Contains(first, body.GetProperty("message").GetString());
        Assert.Equal(1, await UniqueUpload.CountWithAsync(api, sha));

        using var notABoolean = UniqueUpload.Form(wav, UniqueUpload.Title("Tin trùng"), "maybe");
        var bad = await api.PostAsync("/api/bulletins", notABoolean);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_allow_duplicate"), (bad.StatusCode, await bad.ErrorCodeAsync()));

        using var byField = UniqueUpload.Form(wav, UniqueUpload.Title("Bản thứ hai"), "true");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/bulletins", byField)).StatusCode);
        using var byQuery = UniqueUpload.Form(wav, UniqueUpload.Title("Bản thứ ba"));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/bulletins?allowDuplicate=true", byQuery)).StatusCode);
        Assert.Equal(3, await UniqueUpload.CountWithAsync(api, sha));
    }

    [Fact]
    public async Task ThePlainFormWarnsWithALinkToTheExistingBulletinAndAnUploadAnywayButton()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var path = UniqueUpload.File(UniqueUpload.Wav());
        try
        {
            var first = UniqueUpload.Title("Tin lần một");
            Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadAsync(path, first, allowDuplicate: false)).StatusCode);
            var id = LibraryPageTests.IdOf(await browser.PageAsync("/library"), first);

            var second = UniqueUpload.Title("Tin lần hai");
            var refused = await browser.UploadAsync(path, second, allowDuplicate: false);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var html = await PageBrowser.HtmlOf(refused);
            var start = html.IndexOf("id=\"duplicate-warning\"", StringComparison.Ordinal);
            var warning = html[start..(html.IndexOf("</button>", start, StringComparison.Ordinal) + 9)];
            Assert.DoesNotContain("hidden", warning[..warning.IndexOf('>')]);
            Assert.Contains("Tệp này đã có trong thư viện", PageBrowser.TextOf(warning));
            Assert.Contains($"href=\"/library/{id}\"", warning);
            Assert.Contains(first, warning);
            Assert.Matches("<button[^>]*name=\"AllowDuplicate\"[^>]*value=\"true\"", warning);
            Assert.Contains($"value=\"{second}\"", html);
            Assert.DoesNotContain(second, PageBrowser.TextOf(await browser.PageAsync("/library")));

            Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadAsync(path, second, allowDuplicate: true)).StatusCode);
            Assert.Contains(second, PageBrowser.TextOf(await browser.PageAsync("/library")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheScriptedUploadGetsTheDuplicateAsJson()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var wav = UniqueUpload.Wav();
        var first = UniqueUpload.Title("Tin kéo thả");
        Assert.Equal(HttpStatusCode.Created, (await PostForJsonAsync(browser, wav, first, null)).StatusCode);

        var refused = await PostForJsonAsync(browser, wav, UniqueUpload.Title("Tin kéo thả lại"), null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("duplicate_upload", body.GetProperty("error").GetString());
        Assert.Equal(first, body.GetProperty("existingTitle").GetString());
        Assert.Equal(HttpStatusCode.Created, (await PostForJsonAsync(browser, wav, UniqueUpload.Title("Tin kéo thả lại"), "true")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostForJsonAsync(PageBrowser browser, byte[] wav, string title, string? allowDuplicate)
    {
        var token = PageBrowser.TokenIn(await browser.PageAsync("/library"));
        using var form = UniqueUpload.Form(wav, title, allowDuplicate);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/library/upload") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await browser.Client.SendAsync(request);
    }
}
