using System.Diagnostics;
using System.Globalization;
using BroadcastHub.Web.Tests.EndToEnd;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (through Playwright) drives the real executable through the main flow, in Vietnamese and in
/// English at once (two browser profiles, two communes, one app). Screenshots of every step are kept under
/// <c>artifacts/screenshots/</c> in the test output folder.
/// </summary>
public sealed class MainFlowBrowserTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(14);

    [Fact]
    public async Task SignInUploadApproveBookSeeItAiredAndExportInVietnameseAndEnglish()
    {
        Chromium.RequireInstalled();
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        var lines = new List<string>();
        void Log(string line)
        {
            lock (lines) lines.Add(line);
        }
        var passed = false;
        try
        {
            await Task.WhenAll(RunAsync(playwright, app, FlowTexts.Vietnamese, Log), RunAsync(playwright, app, FlowTexts.English, Log));
            passed = true;
        }
        finally
        {
            lines.ForEach(output.WriteLine);
            if (!passed) output.WriteLine("app output:\n" + app.Output);
            output.WriteLine($"browser flow took {total.Elapsed.TotalSeconds:0.0} s; screenshots in {RepoPaths.Screenshots}");
        }
        Assert.True(File.Exists(Path.Combine(RepoPaths.Screenshots, "vi-08-aired.png")));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Screenshots, "en-11-profile-token.png")));
    }

    /// <summary>Both browsers are a Vietnamese commune's (vi-VN); the English run switches with the language form.</summary>
    private static async Task RunAsync(IPlaywright playwright, AppProcess app, FlowTexts texts, Action<string> log)
    {
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString(), "vi-VN");
        var page = await browser.PageAsync();
        var failures = new List<string>();
        var stylesheets = new List<string>();
        page.Response += (_, r) =>
        {
            lock (failures)
            {
                // Both languages' flows upload the same fixture into one app: the second meets the duplicate warning
                // (409 duplicate_upload) and chooses "upload anyway", which MainFlow checks.
                var duplicateWarning = r.Status == 409 && r.Url.EndsWith("/library/upload", StringComparison.Ordinal);
                if (r.Status >= 400 && !duplicateWarning) failures.Add($"{r.Status} {r.Url}");
                else if (r.Url.Contains("bootstrap.min.css", StringComparison.Ordinal)) stylesheets.Add(r.Url);
            }
        };
        page.RequestFailed += (_, r) =>
        {
            // A download ends its navigation with ERR_ABORTED; that one is expected.
            if (r.Url.Contains("/airtime/export", StringComparison.Ordinal) && r.Failure == "net::ERR_ABORTED") return;
            lock (failures) failures.Add($"failed {r.Url}: {r.Failure}");
        };

        var flow = new MainFlow(page, texts, log);
        await flow.SignInAsync();
        await flow.CreateCommuneAsync();
        await flow.UploadAndApproveAsync();
        var start = await flow.BookAheadAsync(Lead);
        await flow.WaitUntilAiredAsync(start);
        var (fileName, csv) = await flow.ExportCsvAsync();
        await flow.UsersAndProfileAsync();

        AssertCsv(fileName, csv, flow, start);
        lock (failures)
        {
            Assert.Empty(failures);
            Assert.NotEmpty(stylesheets);
        }
    }

    private static void AssertCsv(string fileName, string csv, MainFlow flow, DateTimeOffset start)
    {
        Assert.Matches(@"^nhat-ky-phat-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$", fileName);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(flow.Texts.Lang == "en" ? "Occurrence id,Position,Commune id,Commune," : "Mã buổi phát,Thứ tự,Mã xã/phường,Xã/phường,", lines[0]);
        var rows = lines.Skip(1).Where(l => !l.StartsWith("#chain,", StringComparison.Ordinal)).Select(CsvFields).ToList();
        Assert.Contains(lines, l => l.StartsWith("#chain,headHash,", StringComparison.Ordinal));
        var row = Assert.Single(rows);
        Assert.Equal(flow.CommuneId.ToString(CultureInfo.InvariantCulture), row[2]);
        Assert.Equal(flow.BulletinId.ToString(CultureInfo.InvariantCulture), row[4]);
        Assert.Equal("Completed", row[11]);
        Assert.StartsWith(start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row[7]);
        var played = double.Parse(row[10], CultureInfo.InvariantCulture);
        Assert.InRange(played, MainFlow.FixtureSeconds - 0.1, MainFlow.FixtureSeconds + 0.1);
    }

    /// <summary>One CSV record's fields (RFC 4180 quoting).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
