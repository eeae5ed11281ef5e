using System.Net;
using System.Net.Http.Json;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

[Collection(ReportsCollection.Name)]
public sealed class AirtimeExportApiTests(ReportsAppFactory app)
{
    private static readonly DateTimeOffset Morning = new(2026, 4, 2, 5, 30, 0, TimeSpan.FromHours(7));

    private async Task<(HttpClient Client, long UnitId)> SeedAsync()
    {
        var client = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        var admin = await app.CreateApiClientAsync();
        var unit = (await (await admin.PostAsJsonAsync("/api/units", new { name = "Trung tâm xuất", parentUnitId = (long?)null })).JsonAsync()).GetProperty("id").GetInt64();
        var commune = (await (await admin.PostAsJsonAsync("/api/communes", new { name = "Phường Đồng Văn", parentUnitId = unit })).JsonAsync()).GetProperty("id").GetInt64();
        var news = app.Bulletin("Thông báo tiêm chủng");
        var music = app.Bulletin("Dân ca \"Hà Giang\"");
        var occ = app.Occurrence(commune, Morning, news, music, news);
        app.Aired(occ, 0, AirtimeOutcome.Completed);
        app.Aired(occ, 1, AirtimeOutcome.Late);
        app.Aired(occ, 2, AirtimeOutcome.Failed, "output failed: \u0001 no device");
        app.Aired(app.Occurrence(commune, Morning.AddDays(1), news), 0, AirtimeOutcome.Completed);
        return (client, unit);
    }

    [Fact]
    public async Task Xlsx_opens_and_holds_the_rows_with_names_local_times_and_outcomes_in_vietnamese()
    {
        var (client, unit) = await SeedAsync();

        var response = await client.GetAsync($"/api/airtime/export?format=xlsx&from=2026-04-02&to=2026-04-02&unitId={unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nhat-ky-phat-2026-04-02_2026-04-02.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var xlsx = new XlsxReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Nhật ký phát", "Tổng hợp", "Chuỗi băm"], xlsx.Sheets.Keys);
        var log = xlsx.Sheets["Nhật ký phát"];
        Assert.Equal(["Ngày", "Xã/phường", "Bản tin", "Giờ dự kiến"], log[0].Values.Take(4));
        Assert.Equal(4, log.Count);
        Assert.Equal(["Thông báo tiêm chủng", "Dân ca \"Hà Giang\"", "Thông báo tiêm chủng"], log.Skip(1).Select(r => r["C"]));
        Assert.All(log.Skip(1), r => Assert.Equal("Phường Đồng Văn", r["B"]));
        Assert.Equal(["Đã phát đủ", "Phát trễ", "Lỗi"], log.Skip(1).Select(r => r["H"]));
        Assert.Equal(new DateTime(2026, 4, 2), XlsxReader.Date(log[1]["A"]));
        Assert.Equal(new DateTime(2026, 4, 2, 5, 31, 0), XlsxReader.Date(log[2]["D"]));
        Assert.Equal(new DateTime(2026, 4, 2, 5, 31, 5), XlsxReader.Date(log[2]["E"]));
        Assert.Equal(60.0, log[1]["G"]);
        Assert.Equal("output failed:  no device", log[3]["I"]);
        Assert.False(log[3].ContainsKey("E"));
        var summary = Assert.Single(xlsx.Sheets["Tổng hợp"].Skip(1));
        Assert.Equal(("Phường Đồng Văn", 3.0, 2.0, 1.0), (summary["A"], summary["B"], summary["C"], summary["H"]));
        Assert.Contains(xlsx.ContentTypes.Root!.Elements(), e => (string?)e.Attribute("PartName") == "/xl/worksheets/sheet2.xml");
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_bom_and_local_times()
    {
        var (client, unit) = await SeedAsync();

        var response = await client.GetAsync($"/api/airtime/export?format=csv&from=2026-04-02&to=2026-04-03&unitId={unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("#chain,", StringComparison.Ordinal)).ToArray();
        Assert.StartsWith("Mã buổi phát,Thứ tự,Mã xã/phường,Xã/phường,Mã bản tin,Bản tin,", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(",2026-04-02 05:30:00.000,", lines[1]);
        Assert.Contains(",Late,", lines[2]);
        Assert.Contains(",2026-04-03 05:30:00.000,", lines[4]);
    }

    [Fact]
    public async Task A_bad_format_is_refused()
    {
        var client = await app.CreateApiClientForRoleAsync(Roles.Operator);
        foreach (var format in new[] { "pdf", "xls", "csv;" })
        {
            var response = await client.GetAsync($"/api/airtime/export?format={Uri.EscapeDataString(format)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_format", await response.ErrorCodeAsync());
        }
        Assert.Equal("invalid_date", await (await client.GetAsync("/api/airtime/export?format=csv&from=2026-13-01")).ErrorCodeAsync());
    }
}
