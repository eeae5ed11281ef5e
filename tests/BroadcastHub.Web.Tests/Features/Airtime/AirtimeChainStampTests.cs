using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>Every export carries the chain head signed at export; verify compares the log with the last signed head.</summary>
[Collection(ReportsCollection.Name)]
public sealed class AirtimeChainStampTests(ReportsAppFactory app)
{
    private async Task<HttpClient> SeedAsync()
    {
        var commune = app.Get<PlacesRepository>().CreateCommune("Xã Dấu " + Guid.NewGuid().ToString("N")[..4], null);
        var news = app.Bulletin("Bản tin có dấu");
        var occ = app.Occurrence(commune.Id, new DateTimeOffset(2026, 5, 6, 5, 30, 0, TimeSpan.FromHours(7)), news, news, news);
        for (var p = 0; p < 3; p++) app.Aired(occ, p, AirtimeOutcome.Completed);
        return await app.CreateApiClientForRoleAsync(Roles.Supervisor);
    }

    private static bool SignatureHolds(IReadOnlyDictionary<string, string> f)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(f["publicKey"]), out _);
        var payload = AirtimeCheckpoint.Text(long.Parse(f["headId"]), f["headHash"], long.Parse(f["legacyUntilId"]), f["signedAt"]);
        return key.VerifyData(Encoding.UTF8.GetBytes(payload), Convert.FromHexString(f["signature"]), HashAlgorithmName.SHA256);
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_end_with_the_signed_head_that_verify_reports()
    {
        var client = await SeedAsync();

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/airtime/export?format=csv&from=2026-05-06"));
        var xlsx = new XlsxReader(await client.GetByteArrayAsync("/api/airtime/export?format=xlsx&from=2026-05-06"));
        var verify = await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify");

        var stamp = csv.Split("\r\n").Where(l => l.StartsWith("#chain,", StringComparison.Ordinal))
            .Select(l => l.Split(',', 3)).ToDictionary(p => p[1], p => p[2]);
        Assert.Equal(verify.GetProperty("lastHash").GetString(), stamp["headHash"]);
        Assert.Equal(verify.GetProperty("lastId").GetInt64().ToString(), stamp["headId"]);
        Assert.True(SignatureHolds(stamp));
        var sheet = xlsx.Sheets["Chuỗi băm"].Skip(1).ToDictionary(r => (string)r["A"]!, r => (string)r["B"]!);
        Assert.True(SignatureHolds(sheet));
        Assert.Equal(stamp["headHash"], sheet["headHash"]);
        Assert.Equal("intact", verify.GetProperty("code").GetString());
        Assert.Equal(stamp["signature"], verify.GetProperty("checkpoint").GetProperty("signature").GetString());
    }

    [Fact]
    public async Task Records_cut_off_after_a_signed_head_are_reported_as_a_cut_tail()
    {
        var client = await SeedAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/airtime/export?format=csv&from=2026-05-06")).StatusCode);
        var head = app.Get<AirtimeCheckpoints>().Latest()!;

        await using var raw = new SqliteConnection($"Data Source={app.Get<AppDatabase>().Path};Pooling=False");
        await raw.OpenAsync();
        var noDelete = await raw.QuerySingleAsync<string>("SELECT sql FROM sqlite_master WHERE name = 'airtime_no_delete'");
        await raw.ExecuteAsync("CREATE TABLE cut_tail AS SELECT * FROM airtime WHERE id > @cut", new { cut = head.HeadId - 2 });
        await raw.ExecuteAsync("DROP TRIGGER airtime_no_delete; DELETE FROM airtime WHERE id > @cut", new { cut = head.HeadId - 2 });
        try
        {
            var cut = await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
            Assert.False(cut.GetProperty("intact").GetBoolean());
            Assert.Equal("tail_cut", cut.GetProperty("code").GetString());
            Assert.Equal(head.HeadId - 2, cut.GetProperty("lastId").GetInt64());
            Assert.Equal(head.HeadId, cut.GetProperty("checkpoint").GetProperty("headId").GetInt64());
        }
        finally
        {
            await raw.ExecuteAsync("INSERT INTO airtime SELECT * FROM cut_tail; DROP TABLE cut_tail;");
            await raw.ExecuteAsync(noDelete);
        }
        Assert.Equal("intact", (await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify")).GetProperty("code").GetString());
    }
}
