using System.Globalization;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Playout;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Dashboard;

/// <summary>Output trouble is one short translated line per commune, never the library's text or a path; colours say how bad.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardOutputNoticeTests(AppFactory app)
{
    private const string RawError = "ALSA snd_pcm_open(/dev/snd/pcmC9D0p) failed: No such file or directory";

    [Fact]
    public async Task A_failed_output_shows_one_translated_line_naming_the_commune_and_only_an_admin_gets_the_details_link()
    {
        using var api = await app.CreateApiClientAsync();
        var name = "Xã Cảnh Báo " + Guid.NewGuid().ToString("N")[..4];
        var commune = await (await api.PostAsJsonAsync("/api/communes", new { name })).JsonAsync();
        var zone = commune.GetProperty("zoneId").GetInt64();
        var outputs = app.Services.GetRequiredService<ZoneOutputs>();
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);

        var ready = await admin.PageAsync("/dashboard");
        Assert.DoesNotContain($"id=\"output-warning-{zone}\"", ready);
        Assert.Contains($"card zone-card h-100 status-ready\" data-zone=\"{zone}\"", ready);

        outputs.ReportError(zone, RawError);
        try
        {
            var html = await admin.PageAsync("/dashboard");
            var line = LineOf(html, zone);
            Assert.Contains("status-line status-error", line);
            Assert.Contains($"{name}: thiết bị phát báo lỗi ở lần phát gần nhất.", PageBrowser.TextOf(line));
            Assert.Contains("href=\"/stations\"", line);
            Assert.DoesNotContain("ALSA", html);
            Assert.DoesNotContain("/dev/snd", html);
            Assert.Contains($"card zone-card h-100 status-error\" data-zone=\"{zone}\"", html);
            Assert.DoesNotContain("href=\"/stations\"", LineOf(await operatorBrowser.PageAsync("/dashboard"), zone));
        }
        finally
        {
            outputs.ReportHealthy(zone);
        }
    }

    [Fact]
    public void Every_output_state_has_a_short_line_in_both_languages_without_the_raw_text_and_ready_is_never_red()
    {
        var states = new[]
        {
            new ZoneOutputState(1, "alsa:hw:9", null, "error", null, RawError),
            new ZoneOutputState(1, "alsa:hw:9", null, "fallback", "Output 'alsa:hw:9' failed (" + RawError + ")", RawError[..4]),
            new ZoneOutputState(1, "auto", null, "ready", "ALSA default did not open; writing to /var/lib/bh/air", null),
            new ZoneOutputState(1, "file", null, "ready", null, null, RefusedSpec: "alsa:plug:'|rm -rf /'"),
        };
        var vietnamese = LinesIn("vi-VN", states);
        var english = LinesIn("en-US", states);
        foreach (var line in vietnamese.Concat(english))
        {
            Assert.StartsWith("Xã A: ", line);
            Assert.DoesNotContain("ALSA", line);
            Assert.DoesNotContain("/", line);
        }
        Assert.All(vietnamese.Zip(english), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal("ready", OutputNotice.StatusOf(new ZoneOutputState(1, "null", null, "ready", null, null)));
        Assert.Equal("error", OutputNotice.StatusOf(states[0]));
        Assert.Equal("warning", OutputNotice.StatusOf(states[2]));
        var write = new StationAlert("airtime_write_failed", "error", "Airtime could not be written: SQLite Error 13 at /data/app.db");
        Assert.DoesNotContain("/data", StationAlertLine.For(write));
    }

    private static List<string> LinesIn(string culture, IEnumerable<ZoneOutputState> states)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return states.Select(s => OutputNotice.For(s, "Xã A")!.Line).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string LineOf(string html, long zone)
    {
        var at = html.IndexOf($"id=\"output-warning-{zone}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "no output line for the zone");
        return html[html.LastIndexOf("<div", at, StringComparison.Ordinal)..html.IndexOf("</div>", at, StringComparison.Ordinal)];
    }
}
