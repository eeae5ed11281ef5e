using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>The airtime log and its CSV read in one language: Vietnamese by default, English on request; manual stops and emergencies say so.</summary>
[Collection(ReportsCollection.Name)]
public sealed class AirtimeLogLanguageTests(ReportsAppFactory app)
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 4, 5, 30, 0, TimeSpan.FromHours(7));
    private const string Day = "2026-05-04";

    private async Task<(long Unit, long Commune, string Name)> SeedAsync()
    {
        var admin = await app.CreateApiClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var unit = (await (await admin.PostAsJsonAsync("/api/units", new { name = "Trung tâm " + suffix, parentUnitId = (long?)null })).JsonAsync()).GetProperty("id").GetInt64();
        var name = "Xã Tân Lập " + suffix;
        var commune = (await (await admin.PostAsJsonAsync("/api/communes", new { name, parentUnitId = unit })).JsonAsync()).GetProperty("id").GetInt64();
        var news = app.Bulletin("Thông báo phòng chống bão, số 3");
        var occ = app.Occurrence(commune, Morning, news, news);
        app.Aired(occ, 0, AirtimeOutcome.Completed);
        app.Aired(occ, 1, AirtimeOutcome.Preempted, "stopped by an operator");
        var zone = app.Get<PlacesRepository>().ListZones().First(z => z.CommuneId == commune);
        var alarm = app.Bulletin("Cảnh báo lũ khẩn cấp");
        var urgent = app.Get<OccurrenceRepository>().CreateEmergency(zone.Id, alarm.Id, DateOnly.FromDateTime(Morning.DateTime), Morning.AddMinutes(10), Morning.AddMinutes(20));
        app.Aired(app.Get<OccurrenceRepository>().Find(urgent)!, 0, AirtimeOutcome.Completed);
        app.Aired(app.Occurrence(commune, Morning.AddHours(6), news), 0, AirtimeOutcome.Preempted, "preempted by an emergency bulletin");
        return (unit, commune, name);
    }

    [Fact]
    public async Task Airtime_page_names_a_manual_stop_and_marks_the_emergency_with_times_to_the_minute()
    {
        var (_, commune, _) = await SeedAsync();
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var html = await supervisor.PageAsync($"/airtime?from={Day}&communeId={commune}");
        var text = PageBrowser.TextOf(html);

        Assert.Contains("Dừng bởi người vận hành", text);
        Assert.Contains("Bị ngắt bởi phát khẩn cấp", text);
        Assert.DoesNotContain("Bị ngắt ưu tiên", text);
        Assert.DoesNotContain("stopped by an operator", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"badge text-bg-danger me-1 emergency-mark\""));
        Assert.Contains("airtime-emergency", html);
        Assert.Contains($"{Day} 05:30", text);
        Assert.DoesNotContain("05:30:00", text);
    }

    [Fact]
    public async Task Airtime_page_in_english_says_stopped_by_an_operator()
    {
        var (_, commune, _) = await SeedAsync();
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        await supervisor.SubmitAsync("/airtime", "/language", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/airtime" });

        var text = PageBrowser.TextOf(await supervisor.PageAsync($"/airtime?from={Day}&communeId={commune}"));

        Assert.Contains("Stopped by an operator", text);
        Assert.Contains("Emergency", text);
        Assert.DoesNotContain("Dừng bởi", text);
    }

    [Fact]
    public async Task Csv_from_the_page_has_vietnamese_headers_names_beside_ids_a_bom_and_the_chain_lines()
    {
        var (_, commune, name) = await SeedAsync();
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var response = await supervisor.Client.GetAsync($"/airtime/export?from={Day}&communeId={commune}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Mã buổi phát,Thứ tự,Mã xã/phường,Xã/phường,Mã bản tin,Bản tin,Khung giờ phát,Giờ dự kiến,Bắt đầu thực tế,"
            + "Kết thúc thực tế,Số giây đã phát,Mã kết quả,Kết quả,Ghi chú", lines[0]);
        var rows = lines.Skip(1).Where(l => !l.StartsWith("#chain,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Contains($",{commune},{name},", r));
        Assert.Contains(",\"Thông báo phòng chống bão, số 3\",05:30 (60 phút),", rows[0]);
        Assert.EndsWith(",Completed,Đã phát đủ,", rows[0]);
        Assert.EndsWith(",Preempted,Dừng bởi người vận hành,", rows[1]);
        Assert.Contains(rows, r => r.Contains(",Cảnh báo lũ khẩn cấp,Phát ngay (khẩn cấp),", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EndsWith(",Preempted,Bị ngắt bởi phát khẩn cấp,", StringComparison.Ordinal));
        var chain = lines.SkipWhile(l => !l.StartsWith("#chain,", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(chain);
        Assert.All(chain, l => Assert.Equal(3, l.Split(',').Length));
        Assert.Contains(chain, l => l.StartsWith("#chain,headHash,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_from_the_api_follows_accept_language_en()
    {
        var (unit, _, name) = await SeedAsync();
        var client = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await client.GetAsync($"/api/airtime/export?format=csv&from={Day}&unitId={unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Occurrence id,Position,Commune id,Commune,Bulletin id,Bulletin,Session,Scheduled start,Actual start,Actual end,"
            + "Seconds played,Outcome code,Outcome,Note", lines[0]);
        Assert.Contains(lines, l => l.Contains($",{name},", StringComparison.Ordinal) && l.EndsWith(",Preempted,Stopped by an operator,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Play now (emergency),", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bulletin_figures_use_the_vietnamese_decimal_comma_and_the_english_point()
    {
        var bulletin = app.Get<BulletinRepository>().Insert(new Bulletin
        {
            Title = "Tin số liệu", OriginalFileName = "tin.mp3", Sha256 = new string('c', 64), Codec = "mp3", Frames = 22050 * 60,
            SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = DateTimeOffset.UnixEpoch, IntegratedLufs = -16.5,
        });
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        Assert.Contains("id=\"fig-lufs\">-16,5 LUFS", await supervisor.PageAsync($"/library/{bulletin.Id}"));
        await supervisor.SubmitAsync("/airtime", "/language", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/airtime" });
        Assert.Contains("id=\"fig-lufs\">-16.5 LUFS", await supervisor.PageAsync($"/library/{bulletin.Id}"));
    }
}
