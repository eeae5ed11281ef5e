using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Web.Tests.Features.Airtime;

[Collection(ReportsCollection.Name)]
public sealed class AirtimeVerifyApiTests(ReportsAppFactory app)
{
    [Fact]
    public async Task Verify_finds_the_record_altered_in_the_file_and_is_intact_again_once_it_is_restored()
    {
        var client = await app.CreateApiClientAsync();
        var commune = app.Get<Data.Repositories.PlacesRepository>().CreateCommune("Xã kiểm tra", null);
        var news = app.Bulletin("Bản tin kiểm tra");
        var occ = app.Occurrence(commune.Id, new DateTimeOffset(2026, 2, 1, 5, 30, 0, TimeSpan.FromHours(7)), news, news, news);
        for (var p = 0; p < 3; p++) app.Aired(occ, p, AirtimeOutcome.Completed);

        var intact = await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.True(intact.GetProperty("records").GetInt64() >= 3);
        Assert.Equal(JsonValueKind.Null, intact.GetProperty("firstBrokenId").ValueKind);
        Assert.Matches("^[0-9a-f]{64}$", intact.GetProperty("lastHash").GetString());

        await using var raw = new SqliteConnection($"Data Source={app.Get<AppDatabase>().Path};Pooling=False");
        await raw.OpenAsync();
        var middle = await raw.QuerySingleAsync<long>("SELECT id FROM airtime WHERE occurrence_id = @Id AND position = 1", new { occ.Id });
        var triggers = (await raw.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'airtime'")).ToList();
        await raw.ExecuteAsync("DROP TRIGGER airtime_no_update; DROP TRIGGER airtime_no_delete;");
        await raw.ExecuteAsync("UPDATE airtime SET played_seconds = 59.5 WHERE id = @middle", new { middle });

        var broken = await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(middle, broken.GetProperty("firstBrokenId").GetInt64());
        Assert.Equal(intact.GetProperty("records").GetInt64(), broken.GetProperty("records").GetInt64());

        await raw.ExecuteAsync("UPDATE airtime SET played_seconds = 60 WHERE id = @middle", new { middle });
        foreach (var sql in triggers.Where(t => t.Contains("airtime_no_", StringComparison.Ordinal))) await raw.ExecuteAsync(sql);
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/airtime/verify")).GetProperty("intact").GetBoolean());
    }
}
