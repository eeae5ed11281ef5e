using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>Relay sources through the real API: Admin-only changes, the URL allow-list, stable codes, nothing changed by a refusal.</summary>
[Collection(AppCollection.Name)]
public sealed class RelaySourcesApiTests(AppFactory app)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task An_admin_adds_lists_changes_and_deletes_a_source()
    {
        var client = await app.CreateApiClientAsync();
        var name = Unique("VOV1");
        var created = await client.PostAsJsonAsync("/api/relay-sources", new { name, url = "http://radio.example/vov1.mp3" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/relay-sources/{id}", created.Headers.Location!.OriginalString);

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/relay-sources");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetInt64() == id && s.GetProperty("url").GetString() == "http://radio.example/vov1.mp3");

        var renamed = Unique("Đài tỉnh");
        var put = await client.PutAsJsonAsync($"/api/relay-sources/{id}", new { name = renamed, url = "https://radio.example/live/index.m3u8" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/relay-sources/{id}");
        Assert.Equal((renamed, "https://radio.example/live/index.m3u8"), (got.GetProperty("name").GetString(), got.GetProperty("url").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/relay-sources/{id}")).StatusCode);
        var gone = await client.GetAsync($"/api/relay-sources/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("relay_source_not_found", await gone.ErrorCodeAsync());
        Assert.Equal("relay_source_not_found", await (await client.DeleteAsync($"/api/relay-sources/{id}")).ErrorCodeAsync());
    }

    [Theory]
    [InlineData("file:///etc/passwd", "relay_url_invalid")]
    [InlineData("rtmp://radio.example/live", "relay_url_invalid")]
    [InlineData("ftp://radio.example/a.mp3", "relay_url_invalid")]
    [InlineData("/relative/stream.mp3", "relay_url_invalid")]
    [InlineData("http://user:secret@radio.example/a.mp3", "relay_url_invalid")]
    [InlineData("http://radio.example/a b.mp3", "relay_url_invalid")]
    [InlineData("", "relay_url_invalid")]
    public async Task A_bad_url_is_refused_with_its_code_and_nothing_is_stored(string url, string code)
    {
        var client = await app.CreateApiClientAsync();
        var name = Unique("Bad");
        var response = await client.PostAsJsonAsync("/api/relay-sources", new { name, url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/relay-sources");
        Assert.DoesNotContain(listed.EnumerateArray(), s => s.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task A_long_url_a_missing_name_and_a_taken_name_are_refused()
    {
        var client = await app.CreateApiClientAsync();
        var longUrl = "http://radio.example/" + new string('a', 2100);
        Assert.Equal("relay_url_invalid", await (await client.PostAsJsonAsync("/api/relay-sources", new { name = Unique("Long"), url = longUrl })).ErrorCodeAsync());
        Assert.Equal("relay_name_required", await (await client.PostAsJsonAsync("/api/relay-sources", new { name = " ", url = "http://radio.example/a.mp3" })).ErrorCodeAsync());
        var name = Unique("Twice");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/relay-sources", new { name, url = "http://radio.example/a.mp3" })).StatusCode);
        var again = await client.PostAsJsonAsync("/api/relay-sources", new { name, url = "http://radio.example/b.mp3" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("relay_name_taken", await again.ErrorCodeAsync());
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Supervisor)]
    public async Task Only_an_admin_changes_sources_others_may_list_them(string role)
    {
        var admin = await app.CreateApiClientAsync();
        var id = (await (await admin.PostAsJsonAsync("/api/relay-sources", new { name = Unique("Kept"), url = "http://radio.example/k.mp3" })).JsonAsync())
            .GetProperty("id").GetInt64();
        var client = await app.CreateApiClientForRoleAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/relay-sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/relay-sources", new { name = Unique("No"), url = "http://radio.example/n.mp3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/relay-sources/{id}", new { name = "No", url = "http://radio.example/n.mp3" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/relay-sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/relay-sources/{id}/probe", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/relay-sources/{id}")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/relay-sources")).StatusCode);
    }
}
