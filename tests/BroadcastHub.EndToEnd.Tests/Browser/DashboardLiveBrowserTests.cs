using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium watches the dashboard of the real executable while two short bulletins air on the paced
/// <c>file</c> output: the card changes within 1 s of the first item's start, the second item's start and the end,
/// without a page reload; elapsed time counts locally; the navigation shows the pending approvals; a stop asks a
/// question naming the commune.
/// </summary>
public sealed class DashboardLiveBrowserTests(ITestOutputHelper output)
{
    private const double ItemSeconds = 4;
    private const string Observe = """
        ([zone]) => {
            window.__liveMarker = 'kept';
            window.__timeline = [];
            const live = document.getElementById('dashboard-live');
            const read = () => {
                const card = live.querySelector(`.zone-card[data-zone="${zone}"]`);
                if (!card) return;
                const flag = card.querySelector('[data-on-air]');
                const state = flag ? flag.dataset.onAir : 'none';
                const title = (card.querySelector('.now')?.textContent ?? '').trim();
                const last = window.__timeline[window.__timeline.length - 1];
                if (!last || last.state !== state || last.title !== title) window.__timeline.push({ t: Date.now(), state, title });
            };
            read();
            new MutationObserver(read).observe(live, { childList: true, subtree: true, characterData: true });
        }
        """;

    [Fact]
    public async Task The_dashboard_follows_items_starting_and_ending_within_a_second_without_reloading()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        await app.SignInAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var commune = await app.CommuneAsync("Xã Trực Tiếp " + tag);
        var other = await app.CommuneAsync("Xã Dừng Thử " + tag);
        var (zone, otherZone) = (await ZoneOfAsync(app, commune), await ZoneOfAsync(app, other));
        var first = await app.ApprovedToneAsync(ItemSeconds, 440, "Bản tin thứ nhất " + tag);
        var second = await app.ApprovedToneAsync(ItemSeconds, 660, "Bản tin thứ hai " + tag);
        var lengthy = await app.ApprovedToneAsync(40, 880, "Bản tin dài " + tag);
        await PendingAsync(app, "Chờ duyệt " + tag);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await AdminSignIn.AsAdminAsync(page);
        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("#dashboard-live")).ToHaveAttributeAsync("data-connected", "true");
        await Expect(page.Locator("#nav-pending-count")).Not.ToHaveTextAsync("0");
        await page.EvaluateAsync(Observe, new object[] { zone });

        var (_, date, occurrence) = await app.BookedSessionAsync(commune, TimeSpan.FromSeconds(10), 2, [first, second]);
        await app.BookedSessionAsync(other, TimeSpan.FromSeconds(10), 2, [lengthy]);
        var records = await AiredAsync(app, date, occurrence, 2);
        var timeline = (await page.EvaluateAsync<JsonElement>("() => window.__timeline")).EnumerateArray()
            .Select(e => (T: DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty("t").GetInt64()), State: e.GetProperty("state").GetString(),
                Title: e.GetProperty("title").GetString())).ToList();
        timeline.ForEach(e => output.WriteLine($"{e.T:HH:mm:ss.fff} {e.State} {e.Title}"));

        var firstStart = records[0].GetProperty("actualStart").GetDateTimeOffset();
        var secondStart = records[1].GetProperty("actualStart").GetDateTimeOffset();
        var end = records[1].GetProperty("actualEnd").GetDateTimeOffset();
        AssertShownWithinASecond(timeline, e => e.State == "true" && e.Title.StartsWith("Bản tin thứ nhất"), firstStart, "first item on air");
        AssertShownWithinASecond(timeline, e => e.State == "true" && e.Title.StartsWith("Bản tin thứ hai"), secondStart, "second item on air");
        AssertShownWithinASecond(timeline, e => e.State == "false" && e.T > secondStart, end, "not on air after the end");
        Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__liveMarker"));

        await StopWithConfirmationAsync(page, otherZone, "Xã Dừng Thử " + tag);
    }

    private async Task StopWithConfirmationAsync(IPage page, long zone, string name)
    {
        var card = page.Locator($".zone-card[data-zone='{zone}']");
        await Expect(card.Locator("[data-on-air='true']")).ToBeVisibleAsync();
        var session = card.Locator("[data-elapsed-from]").Nth(1);
        var before = await session.TextContentAsync();
        await Task.Delay(1500);
        Assert.NotEqual(before, await session.TextContentAsync());
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "dashboard-on-air.png"), FullPage = true });

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await card.Locator("form.stop-form button").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Đã dừng phát ở {name}.");
        Assert.Equal($"Dừng phát ở {name}? Bản tin đang phát sẽ bị ngắt ngay.", asked);
        await Expect(card.Locator("[data-on-air='false']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "dashboard-stopped.png"), FullPage = true });
    }

    private void AssertShownWithinASecond(
        List<(DateTimeOffset T, string? State, string? Title)> timeline, Func<(DateTimeOffset T, string State, string Title), bool> shows, DateTimeOffset change, string what)
    {
        var seen = timeline.Where(e => shows((e.T, e.State ?? "", e.Title ?? ""))).Select(e => (DateTimeOffset?)e.T).FirstOrDefault();
        Assert.True(seen is not null, $"{what}: never shown");
        var lag = (seen.Value - change).TotalMilliseconds;
        output.WriteLine($"{what}: shown {lag:0} ms after the change");
        Assert.True(lag is > -500 and < 1000, $"{what}: shown {lag:0} ms after the change (at {change:HH:mm:ss.fff})");
    }

    private static async Task<long> ZoneOfAsync(AppProcess app, long communeId) =>
        (await app.Http.GetFromJsonAsync<JsonElement>("/api/communes")).EnumerateArray()
            .First(c => c.GetProperty("id").GetInt64() == communeId).GetProperty("zoneId").GetInt64();

    private static async Task PendingAsync(AppProcess app, string title)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Support.ToneWav.Create(1, frequency: 1234)), "file", "pending.wav" },
            { new StringContent(title), "title" },
        };
        await AppProcess.JsonAsync(app.Http.PostAsync("/api/bulletins", form));
    }

    /// <summary>The occurrence's airtime records, in rundown order, once all <paramref name="count"/> are written.</summary>
    private static async Task<List<JsonElement>> AiredAsync(AppProcess app, string date, long occurrence, int count)
    {
        for (var i = 0; i < 120; i++)
        {
            var records = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}")).EnumerateArray()
                .Where(r => r.GetProperty("occurrenceId").GetInt64() == occurrence).OrderBy(r => r.GetProperty("position").GetInt64()).ToList();
            if (records.Count == count) return records;
            await Task.Delay(500);
        }
        throw new TimeoutException($"occurrence {occurrence} did not air:\n{app.Output}");
    }
}
