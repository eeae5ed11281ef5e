using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class SchedulingApiTests(AppFactory app)
{
    [Fact]
    public async Task Communes_and_sessions_are_created_and_listed()
    {
        var client = await app.CreateApiClientAsync();
        var unit = await (await client.PostAsJsonAsync("/api/units", new { name = "Trung tâm VHTT Đồng Văn" })).JsonAsync();
        var created = await client.PostAsJsonAsync("/api/communes", new { name = "Xã Sủng Là", parentUnitId = unit.GetProperty("id").GetInt64() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commune = await created.JsonAsync();
        Assert.True(commune.GetProperty("zoneId").GetInt64() > 0);

        var session = await client.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1, 3, 5 }, start = "05:30:00", lengthMinutes = 30,
        });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        var body = await session.JsonAsync();
        Assert.Equal("05:30:00", body.GetProperty("start").GetString());
        Assert.Equal([1, 3, 5], body.GetProperty("weekdays").EnumerateArray().Select(d => d.GetInt32()));

        var list = await (await client.GetAsync("/api/communes")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("name").GetString() == "Xã Sủng Là");
    }

    [Theory]
    [InlineData("[0]", "05:30:00", 30, "invalid_weekdays")]
    [InlineData("[8]", "05:30:00", 30, "invalid_weekdays")]
    [InlineData("[]", "05:30:00", 30, "invalid_weekdays")]
    [InlineData("[1]", "25:00:00", 30, "invalid_start")]
    [InlineData("[1]", "5h30", 30, "invalid_start")]
    [InlineData("[1]", "05:30:00", 0, "invalid_length")]
    [InlineData("[1]", "05:30:00", 1441, "invalid_length")]
    public async Task Bad_sessions_are_refused_with_a_specific_code(string weekdays, string start, int length, string code)
    {
        var client = await app.CreateApiClientAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã thử" })).JsonAsync();
        var json = $$"""{"communeId":{{commune.GetProperty("id").GetInt64()}},"weekdays":{{weekdays}},"start":"{{start}}","lengthMinutes":{{length}}}""";
        var response = await client.PostAsync("/api/sessions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task A_session_for_a_missing_commune_is_404()
    {
        var client = await app.CreateApiClientAsync();
        var response = await client.PostAsJsonAsync("/api/sessions", new { communeId = 999999, weekdays = new[] { 1 }, start = "05:30:00", lengthMinutes = 30 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("commune_not_found", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Only_approved_bulletins_can_be_booked_and_only_supervisors_approve()
    {
        var admin = await app.CreateApiClientAsync();
        var commune = await (await admin.PostAsJsonAsync("/api/communes", new { name = "Xã Lũng Táo" })).JsonAsync();
        var session = await (await admin.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "17:00:00", lengthMinutes = 30,
        })).JsonAsync();
        var operatorClient = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var upload = await operatorClient.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Tin thời tiết"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var bulletinId = (await upload.JsonAsync()).GetProperty("id").GetInt64();
        // Tomorrow (local): today's 17:00 session has already passed in the evening, when the booking is refused (session_passed).
        var tomorrow = DateTime.UtcNow.AddHours(7).AddDays(1).ToString("yyyy-MM-dd");
        var booking = new { sessionId = session.GetProperty("id").GetInt64(), bulletinIds = new[] { bulletinId }, from = tomorrow, to = tomorrow };

        var early = await operatorClient.PostAsJsonAsync("/api/bookings", booking);
        Assert.Equal("bulletin_not_approved", await early.ErrorCodeAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).StatusCode);
        var supervisor = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).StatusCode);
        var again = await supervisor.PostAsync($"/api/bulletins/{bulletinId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("not_pending", await again.ErrorCodeAsync());

        var booked = await operatorClient.PostAsJsonAsync("/api/bookings", booking);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_a_rejected_bulletin_cannot_be_booked()
    {
        var admin = await app.CreateApiClientAsync();
        var upload = await (await admin.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Tin bị từ chối"))).JsonAsync();
        var id = upload.GetProperty("id").GetInt64();
        var noReason = await admin.PostAsJsonAsync($"/api/bulletins/{id}/reject", new { reason = " " });
        Assert.Equal("reason_required", await noReason.ErrorCodeAsync());
        var rejected = await (await admin.PostAsJsonAsync($"/api/bulletins/{id}/reject", new { reason = "Sai số liệu" })).JsonAsync();
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Sai số liệu", rejected.GetProperty("rejectionReason").GetString());
    }

    [Theory]
    [InlineData("2026-13-01", "2026-12-01", "invalid_date")]
    [InlineData("2099-02-01", "2099-01-01", "range_reversed")]
    [InlineData("2001-01-01", "2001-01-02", "range_in_past")]
    [InlineData("2099-01-01", "2100-06-01", "range_too_long")]
    public async Task Bad_booking_dates_are_refused(string from, string to, string code)
    {
        var admin = await app.CreateApiClientAsync();
        var commune = await (await admin.PostAsJsonAsync("/api/communes", new { name = "Xã ngày" })).JsonAsync();
        var session = await (await admin.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1 }, start = "05:30:00", lengthMinutes = 30,
        })).JsonAsync();
        var response = await admin.PostAsJsonAsync("/api/bookings", new { sessionId = session.GetProperty("id").GetInt64(), bulletinIds = new[] { 1 }, from, to });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_the_error_shape()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_credentials", await response.ErrorCodeAsync());
    }
}
