using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Security;

[Collection(AccountsCollection.Name)]
public sealed class FourEyesTests(AccountsAppFactory app)
{
    [Fact]
    public async Task AnUploaderCannotApproveItsOwnBulletinAnotherReviewerCan()
    {
        var supervisorName = UsersApi.UniqueName("uploader");
        var password = app.CreateUser(supervisorName, Roles.Supervisor);
        using var uploader = await app.CreateApiClientAsync(supervisorName, password);
        var id = await UploadAsync(uploader, "Bốn mắt API");

        var refused = await uploader.PostAsync($"/api/bulletins/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("four_eyes", await refused.ErrorCodeAsync());
        Assert.Equal("PendingApproval", (await (await uploader.GetAsync($"/api/bulletins/{id}")).JsonAsync()).GetProperty("status").GetString());

        using var admin = await app.CreateApiClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bulletins/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task TheLibraryPageSaysWhyTheUploaderCannotApprove()
    {
        app.CreateUser(UsersApi.UniqueName("nguoiduyet"), Roles.Supervisor); // a second reviewer exists
        using var admin = await app.CreateApiClientAsync();
        var id = await UploadAsync(admin, "Bốn mắt trang");
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        Assert.Contains("một người duyệt khác phải phê duyệt", PageBrowser.TextOf(await browser.PageAsync("/library")));

        var refused = await browser.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // pages answer a refusal with 400 and the reason
        Assert.Contains("nguyên tắc bốn mắt", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
    }

    private static async Task<long> UploadAsync(HttpClient client, string title)
    {
        var path = Path.Combine(Path.GetTempPath(), "bh-four-eyes-" + Guid.NewGuid().ToString("N")[..8] + ".wav");
        await File.WriteAllBytesAsync(path, ToneWav.Create(2, frequency: 300 + Random.Shared.Next(500)));
        try
        {
            var response = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(path, title + " " + Guid.NewGuid().ToString("N")[..4]));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.JsonAsync()).GetProperty("id").GetInt64();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
