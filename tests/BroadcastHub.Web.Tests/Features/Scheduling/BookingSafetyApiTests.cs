using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>Bookings that cannot go wrong silently: a repeat is refused with the booking already there, a passed
/// session is refused, and bookings can be listed by commune, session and dates.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingSafetyApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private static string Day(int offset) => SchedulingHttp.Day(offset);

    private async Task<(SchedulingHttp Http, long Commune, long Session, long Bulletin)> BookableAsync(string start = "20:00:00")
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var commune = await http.CommuneAsync("Xã an toàn " + Guid.NewGuid().ToString("N")[..4]);
        var session = await http.SessionAsync(commune, start, 30);
        return (http, commune, session, (await _scenario.ApprovedToneAsync(1.0)).Id);
    }

    [Fact]
    public async Task A_booking_identical_to_one_in_force_is_refused_with_the_existing_id_and_allowed_again_once_that_is_cancelled()
    {
        var (http, _, session, bulletin) = await BookableAsync();
        var body = new { sessionId = session, bulletinIds = new[] { bulletin }, from = Day(1), to = Day(3) };
        var first = (await http.BookAsync(body)).GetProperty("id").GetInt64();

        var again = await http.Client.PostAsJsonAsync("/api/bookings", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var error = await again.JsonAsync();
        Assert.Equal("duplicate_booking", error.GetProperty("error").GetString());
        Assert.Equal(first, error.GetProperty("existingId").GetInt64());
        Assert.Contains($"lịch số {first}", error.GetProperty("message").GetString());
        Assert.Equal(1, http.Scalar("SELECT COUNT(*) FROM bookings WHERE session_id = @session", new { session }));

        Assert.Equal(HttpStatusCode.Created, (await http.Client.PostAsJsonAsync("/api/bookings", body with { to = Day(4) })).StatusCode);
        (await http.Client.PostAsJsonAsync($"/api/bookings/{first}/cancel", new { from = Day(1) })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await http.Client.PostAsJsonAsync("/api/bookings", body)).StatusCode);
    }

    [Fact]
    public async Task A_booking_into_a_one_off_session_that_has_passed_is_refused_and_the_page_no_longer_offers_it()
    {
        var (http, commune, daily, bulletin) = await BookableAsync();
        var oneOff = (await (await http.Client.PostAsJsonAsync($"/api/communes/{commune}/sessions",
            new { date = Day(1), start = "21:00:00", lengthMinutes = 10 })).JsonAsync()).GetProperty("id").GetInt64();
        http.Scalar("UPDATE sessions SET valid_on = @day WHERE id = @oneOff", new { day = Day(-1), oneOff });

        var refused = await http.Client.PostAsJsonAsync("/api/bookings", new { sessionId = oneOff, bulletinIds = new[] { bulletin }, from = Day(-1), to = Day(1) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("session_passed", await refused.ErrorCodeAsync());
        Assert.Equal(0, http.Scalar("SELECT COUNT(*) FROM bookings WHERE session_id = @oneOff", new { oneOff }));

        using var browser = await Support.PageBrowser.SignedInAsync(app, BroadcastHub.Core.Access.Roles.Operator);
        var page = await browser.PageAsync($"/schedule?communeId={commune}");
        var form = page[page.IndexOf("id=\"bk-session\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains($"value=\"{daily}\"", form);
        Assert.DoesNotContain($"value=\"{oneOff}\"", form);
    }

    [Fact]
    public async Task A_booking_whose_only_date_is_today_after_the_session_started_is_refused()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        if (now.TimeOfDay < TimeSpan.FromMinutes(3)) await Task.Delay(TimeSpan.FromMinutes(3) - now.TimeOfDay); // the start must be today
        var start = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddMinutes(-2).ToString("HH:mm:00");
        var (http, _, session, bulletin) = await BookableAsync(start);

        var refused = await http.Client.PostAsJsonAsync("/api/bookings", new { sessionId = session, bulletinIds = new[] { bulletin }, from = Day(0), to = Day(0) });
        var error = await refused.JsonAsync();
        Assert.Equal("session_passed", error.GetProperty("error").GetString());
        Assert.Contains("đã qua", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, (await http.Client.PostAsJsonAsync("/api/bookings",
            new { sessionId = session, bulletinIds = new[] { bulletin }, from = Day(0), to = Day(1) })).StatusCode);
    }

    [Fact]
    public async Task Bookings_are_listed_by_commune_session_and_dates()
    {
        var (http, commune, session, bulletin) = await BookableAsync();
        var other = await http.SessionAsync(commune, "06:00:00", 30);
        var early = (await http.BookAsync(new { sessionId = session, bulletinIds = new[] { bulletin }, from = Day(1), to = Day(2) })).GetProperty("id").GetInt64();
        var late = (await http.BookAsync(new { sessionId = other, bulletinIds = new[] { bulletin }, from = Day(10), to = Day(12) })).GetProperty("id").GetInt64();
        (await http.Client.PostAsJsonAsync($"/api/bookings/{late}/cancel", new { from = Day(11) })).EnsureSuccessStatusCode();

        async Task<long[]> Ids(string query)
        {
            var response = await http.Client.GetAsync("/api/bookings?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).EnumerateArray().Select(b => b.GetProperty("id").GetInt64()).ToArray();
        }

        Assert.Equal([early, late], await Ids($"communeId={commune}"));
        Assert.Equal([late], await Ids($"sessionId={other}"));
        Assert.Equal([early], await Ids($"communeId={commune}&from={Day(0)}&to={Day(5)}"));
        Assert.Equal([late], await Ids($"communeId={commune}&from={Day(10)}"));
        Assert.Empty(await Ids($"communeId={commune}&from={Day(11)}"));

        var listed = (await (await http.Client.GetAsync($"/api/bookings?sessionId={other}")).JsonAsync())[0];
        Assert.Equal(commune, listed.GetProperty("communeId").GetInt64());
        Assert.Equal(Day(11), listed.GetProperty("cancelledFrom").GetString());
        Assert.Equal(JsonValueKind.Array, listed.GetProperty("bulletinIds").ValueKind);
        Assert.Equal("invalid_date", await (await http.Client.GetAsync("/api/bookings?from=tomorrow")).ErrorCodeAsync());
        Assert.Equal("range_reversed", await (await http.Client.GetAsync($"/api/bookings?from={Day(2)}&to={Day(1)}")).ErrorCodeAsync());
        Assert.Equal("commune_not_found", await (await http.Client.GetAsync("/api/bookings?communeId=999999")).ErrorCodeAsync());
    }
}
