using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's Server-Sent Events: opened with the page's cookie, per-zone changes only for zones in scope.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardEventsTests(AppFactory app)
{
    [Fact]
    public async Task A_unit_user_hears_only_of_its_own_zones_and_a_whole_scope_admin_of_all()
    {
        var world = await ScopeWorld.SeedAsync(app);
        var zoneA = app.Services.GetRequiredService<PlacesRepository>().ListCommunes().Single(c => c.Id == world.CommuneA).ZoneId;
        var signal = app.Services.GetRequiredService<DashboardSignal>();
        using var unitBrowser = await PageBrowser.SignedInAsync(app, world.AdminA, ScopeWorld.Password);
        using var wholeBrowser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        await using var unit = await EventStream.OpenAsync(unitBrowser.Client);
        await using var whole = await EventStream.OpenAsync(wholeBrowser.Client);
        Assert.Equal("ready", await unit.NextEventAsync());
        Assert.Equal("ready", await whole.NextEventAsync());

        signal.Raise(new DashboardChange("probe", world.ZoneB));
        var heardB = await whole.NextChangeAsync("probe");
        Assert.Equal(world.ZoneB, heardB.GetProperty("zoneId").GetInt64());
        signal.Raise(new DashboardChange("probe", zoneA));
        Assert.Equal(zoneA, (await whole.NextChangeAsync("probe")).GetProperty("zoneId").GetInt64());
        // The unit user's first probe is A's: B's never reached it.
        Assert.Equal(zoneA, (await unit.NextChangeAsync("probe")).GetProperty("zoneId").GetInt64());
    }

    [Fact]
    public async Task A_change_of_a_zones_output_state_is_pushed_within_seconds()
    {
        using var api = await app.CreateApiClientAsync();
        var commune = await (await api.PostAsJsonAsync("/api/communes",
            new { name = "Xã Đổi Trạng Thái " + Guid.NewGuid().ToString("N")[..4] })).Content.ReadFromJsonAsync<JsonElement>();
        var zone = commune.GetProperty("zoneId").GetInt64();
        var outputs = app.Services.GetRequiredService<BroadcastHub.Playout.ZoneOutputs>();
        outputs.StateOf(zone);
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        await using var stream = await EventStream.OpenAsync(admin.Client);
        Assert.Equal("ready", await stream.NextEventAsync());
        await Task.Delay(1500); // the watch has seen the zone ready

        outputs.ReportError(zone, "device unplugged");
        try
        {
            JsonElement change;
            do change = await stream.NextChangeAsync("output");
            while (change.GetProperty("zoneId").GetInt64() != zone);
        }
        finally
        {
            outputs.ReportHealthy(zone);
        }
    }

    [Fact]
    public async Task The_stream_needs_a_signed_in_user_and_the_live_part_is_a_fragment()
    {
        using var anonymous = PageBrowser.Anonymous(app);
        using var response = await anonymous.Client.GetAsync("/dashboard/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var live = await admin.PageAsync("/dashboard/live");
        Assert.Contains("id=\"dashboard-state\"", live);
        Assert.DoesNotContain("<html", live);
        var page = await admin.PageAsync("/dashboard");
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
        Assert.Contains("dashboard-live.js", page);
    }

    /// <summary>Reads a text/event-stream response event by event.</summary>
    private sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
    {
        public static async Task<EventStream> OpenAsync(HttpClient client)
        {
            var response = await client.GetAsync("/dashboard/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        private string _data = "";

        /// <summary>The next event's name (its data kept for <see cref="NextChangeAsync"/>); fails after 10 s.</summary>
        public async Task<string> NextEventAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            string? name = null;
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the stream ended");
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) _data = line[6..];
                else if (line.Length == 0 && name is not null) return name;
            }
        }

        /// <summary>The data of the next change of <paramref name="kind"/>, skipping the station's own changes meanwhile.</summary>
        public async Task<JsonElement> NextChangeAsync(string kind)
        {
            while (true)
            {
                if (await NextEventAsync() != "change") continue;
                var data = JsonDocument.Parse(_data).RootElement.Clone();
                if (data.GetProperty("kind").GetString() == kind) return data;
            }
        }

        public ValueTask DisposeAsync()
        {
            reader.Dispose();
            response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
