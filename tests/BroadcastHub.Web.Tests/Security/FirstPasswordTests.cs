using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>The app as installed: the first administrator's password came from the environment, four eyes on.</summary>
public sealed class FirstStartAppFactory : AppFactory
{
    protected override bool RequireFirstPasswordChange => true;

    protected override bool FourEyes => true;
}

[CollectionDefinition(Name)]
public sealed class FirstStartCollection : ICollectionFixture<FirstStartAppFactory>
{
    public const string Name = "first-start";
}

[Collection(FirstStartCollection.Name)]
public sealed partial class FirstPasswordTests(FirstStartAppFactory app)
{
    private const string NewPassword = "Own-Admin-Pass-42";

    [Fact]
    public async Task TheFirstAdministratorChangesItsPasswordBeforeAnythingElseAndAloneCannotApprove()
    {
        using var api = await app.CreateApiClientAsync();
        var refused = await api.GetAsync("/api/communes");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("password_change_required", await refused.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/units", new { name = "Không được" })).StatusCode);
        using (var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword))
        {
            Assert.Equal("/profile", (await browser.Client.GetAsync("/")).Headers.Location!.OriginalString);
            Assert.Equal("/profile", (await browser.Client.GetAsync("/users")).Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/css/site.css")).StatusCode);
            var changed = await browser.SubmitAsync("/profile", "/profile/password", new Dictionary<string, string>
            {
                ["currentPassword"] = AppFactory.AdminPassword, ["newPassword"] = NewPassword, ["confirmPassword"] = NewPassword,
            });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/users")).StatusCode); // this sign-in goes on

            var upload = await browser.Client.GetAsync("/library");
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/communes")).StatusCode); // the other sign-in ended

        using var admin = await app.CreateApiClientAsync("admin", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/communes")).StatusCode);
        var path = Path.Combine(Path.GetTempPath(), "bh-first-" + Guid.NewGuid().ToString("N")[..8] + ".wav");
        await File.WriteAllBytesAsync(path, ToneWav.Create(2));
        var uploaded = await admin.PostAsync("/api/bulletins", ApiJson.UploadForm(path, "Một người duyệt"));
        File.Delete(path);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var again = await PageBrowser.SignedInAsync(app, "admin", NewPassword);
        Assert.Contains("chỉ có một người có quyền duyệt", PageBrowser.TextOf(await again.PageAsync("/library")));
    }

    [Fact]
    public void NoDocumentGivesAFixedPassword()
    {
        var documents = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var document in documents)
        {
            var text = File.ReadAllText(document);
            Assert.False(FixedPassword().IsMatch(text), $"{Path.GetFileName(document)} sets a fixed password: {FixedPassword().Match(text).Value}");
        }
    }

    [GeneratedRegex(@"BROADCASTHUB_ADMIN_PASSWORD\s*[=:]\s*\S|change-me", RegexOptions.IgnoreCase)]
    private static partial Regex FixedPassword();
}
