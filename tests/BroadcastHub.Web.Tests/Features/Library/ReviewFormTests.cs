using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

/// <summary>Review forms act only on the bulletin they show, and a refused rejection stays on that bulletin's page.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ReviewFormTests(AppFactory app)
{
    [Fact]
    public async Task ARejectionWithoutAReasonStaysOnTheBulletinPageWithTheErrorBesideItsForm()
    {
        using var api = await app.CreateApiClientAsync();
        var title = UniqueUpload.Title("Tin cần lý do");
        var id = await UniqueUpload.ThroughApiAsync(api, UniqueUpload.Wav(), title);
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var refused = await supervisor.SubmitAsync($"/library/{id}", $"/library/{id}/reject",
            new Dictionary<string, string> { ["reason"] = "  ", ["bulletinId"] = $"{id}" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await PageBrowser.HtmlOf(refused);
        Assert.DoesNotContain("id=\"bulletins\"", html);
        Assert.Contains(title, PageBrowser.TextOf(html[html.IndexOf("<h1", StringComparison.Ordinal)..html.IndexOf("</h1>", StringComparison.Ordinal)]));
        var form = html[html.IndexOf("id=\"reject-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.Contains("id=\"reject-reason-error\"", form);
        Assert.Contains("Hãy ghi lý do từ chối", PageBrowser.TextOf(form));
        Assert.Contains($"data-page=\"/library/{id}\"", html);
        Assert.Equal("PendingApproval", await UniqueUpload.StatusAsync(api, id));
    }

    [Fact]
    public async Task AFormNamingAnotherBulletinThanItsAddressChangesNothing()
    {
        using var api = await app.CreateApiClientAsync();
        var shown = await UniqueUpload.ThroughApiAsync(api, UniqueUpload.Wav(), UniqueUpload.Title("Tin trên dòng"));
        var other = await UniqueUpload.ThroughApiAsync(api, UniqueUpload.Wav(), UniqueUpload.Title("Tin khác"));
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var reject = await supervisor.SubmitAsync("/library", $"/library/{other}/reject",
            new Dictionary<string, string> { ["reason"] = "Sai xã", ["bulletinId"] = $"{shown}" });
        var approve = await supervisor.SubmitAsync("/library", $"/library/{other}/approve",
            new Dictionary<string, string> { ["bulletinId"] = $"{shown}" });

        foreach (var refused in new[] { reject, approve })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Biểu mẫu không khớp", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
        }
        Assert.Equal("PendingApproval", await UniqueUpload.StatusAsync(api, shown));
        Assert.Equal("PendingApproval", await UniqueUpload.StatusAsync(api, other));
    }

    [Fact]
    public async Task EveryReviewFormOnTheListTargetsTheBulletinOfItsRow()
    {
        using var api = await app.CreateApiClientAsync();
        await UniqueUpload.ThroughApiAsync(api, UniqueUpload.Wav(), UniqueUpload.Title("Tin dòng một"));
        await UniqueUpload.ThroughApiAsync(api, UniqueUpload.Wav(), UniqueUpload.Title("Tin dòng hai"));
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        foreach (var url in new[] { "/library", "/library?status=PendingApproval" })
        {
            var html = await supervisor.PageAsync(url);
            var rows = Row().Matches(html);
            var checkedForms = 0;
            foreach (Match row in rows)
            {
                var id = row.Groups["id"].Value;
                foreach (Match action in Action().Matches(row.Value))
                {
                    Assert.Equal(id, action.Groups["id"].Value);
                    checkedForms++;
                }
                foreach (Match field in BulletinField().Matches(row.Value)) Assert.Equal(id, field.Groups["id"].Value);
                Assert.Equal(Action().Matches(row.Value).Count, BulletinField().Matches(row.Value).Count);
            }
            Assert.True(checkedForms >= 4, $"{url}: only {checkedForms} review forms");
        }
    }

    [GeneratedRegex("<tr id=\"bulletin-\\d+\" data-bulletin-id=\"(?<id>\\d+)\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<form[^>]*action=\"/library/(?<id>\\d+)/(approve|reject)\"")]
    private static partial Regex Action();

    [GeneratedRegex("name=\"bulletinId\" value=\"(?<id>\\d+)\"")]
    private static partial Regex BulletinField();
}
