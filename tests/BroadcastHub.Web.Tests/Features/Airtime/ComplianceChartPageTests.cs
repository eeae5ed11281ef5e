using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>The compliance summary's inline SVG chart: one group per commune, bars for planned, aired and missed.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ComplianceChartPageTests(AppFactory app)
{
    // A past day no other test writes airtime on: 05:30 local (UTC+7) on 14 February 2025.
    private static readonly DateTimeOffset Morning = new(2025, 2, 14, 5, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task BarsCarryTheSummaryNumbersAndScaleToTheLargest()
    {
        var api = await app.CreateApiClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var big = await CommuneAsync(api, "Xã Biểu Đồ A " + tag);
        var small = await CommuneAsync(api, "Xã Biểu Đồ B " + tag);
        var news = Bulletin();
        var a = Occurrence(big, news, news, news, news);
        Aired(a, 0, AirtimeOutcome.Completed);
        Aired(a, 1, AirtimeOutcome.Late);
        Aired(a, 2, AirtimeOutcome.Missed);
        var b = Occurrence(small, news, news);
        Aired(b, 0, AirtimeOutcome.Completed);
        Aired(b, 1, AirtimeOutcome.Missed);

        using var browser = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var html = await browser.PageAsync("/airtime/summary?from=2025-02-14&to=2025-02-14");
        Assert.Contains("<svg class=\"compliance-chart\"", html);
        Assert.Equal((4, 2, 1), Values(html, big));
        Assert.Equal((2, 1, 1), Values(html, small));
        Assert.Equal(380, Width(html, big, "planned"), 2);
        Assert.Equal(190, Width(html, big, "aired"), 2);
        Assert.Equal(95, Width(html, big, "missed"), 2);
        Assert.Equal(190, Width(html, small, "planned"), 2);
        Assert.Contains($"Xã Biểu Đồ A {tag} · Kế hoạch: 4", PageBrowser.TextOf(html));
    }

    private static (long, long, long) Values(string html, long commune)
    {
        var group = Group(html, commune);
        long Value(string kind) => long.Parse(BarPattern(kind).Match(group).Groups["value"].Value, CultureInfo.InvariantCulture);
        return (Value("planned"), Value("aired"), Value("missed"));
    }

    private static double Width(string html, long commune, string kind) =>
        double.Parse(BarPattern(kind).Match(Group(html, commune)).Groups["width"].Value, CultureInfo.InvariantCulture);

    private static string Group(string html, long commune)
    {
        var start = html.IndexOf($"<g class=\"chart-commune\" data-commune-id=\"{commune}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart group for commune {commune}");
        return html[start..html.IndexOf("</g>", start, StringComparison.Ordinal)];
    }

    private static Regex BarPattern(string kind) =>
        new($"class=\"bar bar-{kind}\" data-value=\"(?<value>\\d+)\" x=\"\\d+\" y=\"\\d+\" width=\"(?<width>[\\d.]+)\"");

    private static async Task<long> CommuneAsync(HttpClient api, string name) =>
        (await (await api.PostAsJsonAsync("/api/communes", new { name, parentUnitId = (long?)null })).JsonAsync()).GetProperty("id").GetInt64();

    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private Bulletin Bulletin() => Get<BulletinRepository>().Insert(new Bulletin
    {
        Title = "Bản tin biểu đồ", OriginalFileName = "tin.mp3", Sha256 = new string('c', 64), Codec = "mp3", Frames = 22050 * 60,
        SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = DateTimeOffset.UnixEpoch,
    });

    /// <summary>A past occurrence of a new session of the commune with one item per bulletin; its booking lies in 2099.</summary>
    private Occurrence Occurrence(long communeId, params Bulletin[] rundown)
    {
        var session = Get<SessionRepository>().Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 60);
        var anchor = new DateOnly(2099, 1, 1);
        var booking = Get<BookingRepository>().Create(session.Id, rundown.Select(b => b.Id).ToList(), anchor, anchor, "test");
        var id = Get<OccurrenceRepository>().Upsert(new PlannedOccurrence(session.Id, DateOnly.FromDateTime(Morning.DateTime),
            Morning, Morning.AddHours(1), rundown.Select((b, i) => new PlannedSlot(b.Id, booking.Id, i * 60, 60, null)).ToList()));
        return Get<OccurrenceRepository>().Find(id)!;
    }

    private void Aired(Occurrence occ, int position, AirtimeOutcome outcome)
    {
        var seconds = outcome == AirtimeOutcome.Missed ? 0.0 : 60.0;
        var start = occ.StartUtc.AddMinutes(position);
        Assert.True(Get<AirtimeRepository>().TryAppend(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = position, BulletinId = Get<OccurrenceRepository>().Rundown(occ.Id)[position].BulletinId,
            ScheduledStart = start, ActualStart = seconds > 0 ? start : null, ActualEnd = seconds > 0 ? start.AddSeconds(seconds) : null,
            PlayedSeconds = seconds, Outcome = outcome, RecordedAt = start.AddSeconds(seconds),
        }));
    }
}
