using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Features.Airtime;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Web.Tests.Features.Audit;

[Collection(ReportsCollection.Name)]
public sealed class AuditLogTests(ReportsAppFactory app)
{
    private async Task<JsonElement[]> EntriesAsync(Func<JsonElement, bool> match)
    {
        var supervisor = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        var entries = await supervisor.GetFromJsonAsync<JsonElement>("/api/audit");
        return entries.EnumerateArray().Where(match).ToArray();
    }

    private static bool Is(JsonElement e, string action, string? entityId) =>
        e.GetProperty("action").GetString() == action && e.GetProperty("entityId").GetString() == entityId;

    [Fact]
    public async Task Upload_approve_and_reject_through_the_api_are_recorded_with_user_entity_and_id()
    {
        var client = await app.CreateApiClientAsync();
        var upload = await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Tin nhật ký"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.JsonAsync()).GetProperty("id").GetInt64().ToString();
        var second = (await (await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Tin bị từ chối")))
            .JsonAsync()).GetProperty("id").GetInt64().ToString();
        var supervisor = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/bulletins/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/bulletins/{second}/reject", new { reason = "Sai nội dung" })).StatusCode);

        var uploaded = Assert.Single(await EntriesAsync(e => Is(e, "BulletinsApi.Upload", id)));
        Assert.Equal(("admin", "bulletins"), (uploaded.GetProperty("user").GetString(), uploaded.GetProperty("entity").GetString()));
        Assert.Equal("Tin nhật ký", uploaded.GetProperty("detail").GetProperty("form").GetProperty("title").GetString());
        Assert.Equal("bulletin-vi-mono-16k-s16.wav", uploaded.GetProperty("detail").GetProperty("form").GetProperty("file").GetProperty("fileName").GetString());
        var approved = Assert.Single(await EntriesAsync(e => Is(e, "BulletinsApi.Approve", id)));
        Assert.StartsWith("supervisor-", approved.GetProperty("user").GetString());
        Assert.Equal("POST", approved.GetProperty("detail").GetProperty("method").GetString());
        var rejected = Assert.Single(await EntriesAsync(e => Is(e, "BulletinsApi.Reject", second)));
        Assert.Equal("Sai nội dung", rejected.GetProperty("detail").GetProperty("arguments").GetProperty("request").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Created_places_carry_their_new_id_and_refused_requests_leave_no_entry()
    {
        var admin = await app.CreateApiClientAsync();
        var unit = (await (await admin.PostAsJsonAsync("/api/units", new { name = "Đơn vị nhật ký" })).JsonAsync()).GetProperty("id").GetInt64().ToString();
        var commune = await (await admin.PostAsJsonAsync("/api/communes", new { name = "Xã nhật ký", parentUnitId = long.Parse(unit) })).JsonAsync();
        var zone = commune.GetProperty("zoneId").GetInt64().ToString();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/zones/{zone}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/bulletins/987654/approve", null)).StatusCode);

        var created = Assert.Single(await EntriesAsync(e => Is(e, "PlacesApi.CreateUnit", unit)));
        Assert.Equal("units", created.GetProperty("entity").GetString());
        Assert.Equal("Đơn vị nhật ký", created.GetProperty("detail").GetProperty("arguments").GetProperty("request").GetProperty("name").GetString());
        Assert.Single(await EntriesAsync(e => Is(e, "PlacesApi.CreateCommune", commune.GetProperty("id").GetInt64().ToString())));
        Assert.Empty(await EntriesAsync(e => Is(e, "StationApi.Stop", zone)));
        Assert.Empty(await EntriesAsync(e => Is(e, "BulletinsApi.Approve", "987654")));
    }

    [Fact]
    public async Task A_page_action_is_recorded_and_signing_in_is_not()
    {
        var client = await app.CreateApiClientAsync();
        var id = (await (await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Tin trang")))
            .JsonAsync()).GetProperty("id").GetInt64().ToString();
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var response = await browser.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(e => Is(e, "Library.Approve", id)));
        Assert.Equal("library", entry.GetProperty("entity").GetString());
        Assert.Empty(await EntriesAsync(e => e.GetProperty("entity").GetString() is "account" or "auth"));
    }

    [Fact]
    public async Task Only_admins_and_supervisors_read_the_log_and_nobody_can_change_it()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.CreateApiClientForRoleAsync(Roles.Operator)).GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/audit")).StatusCode);
        var admin = await app.CreateApiClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit?from=2026-01-01&to=2026-01-31")).StatusCode);
        Assert.Equal("range_reversed", await (await admin.GetAsync("/api/audit?from=2026-01-31&to=2026-01-01")).ErrorCodeAsync());
        await admin.PostAsJsonAsync("/api/units", new { name = "Đơn vị bất biến" });

        await using var raw = new SqliteConnection($"Data Source={app.Get<AppDatabase>().Path};Pooling=False");
        await raw.OpenAsync();
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => raw.Execute("UPDATE audit_log SET \"user\" = 'x'")).Message);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => raw.Execute("DELETE FROM audit_log")).Message);
    }
}
