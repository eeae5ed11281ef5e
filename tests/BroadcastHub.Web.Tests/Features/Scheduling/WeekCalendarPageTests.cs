using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>Lịch tuần: the right sessions on the right dates, their rundowns, overflow marked, and booking links.</summary>
[Collection(AppCollection.Name)]
public sealed partial class WeekCalendarPageTests(AppFactory app)
{
    private static DateOnly StationToday => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static DateOnly NextMonday => StationToday.AddDays(7 - ((int)StationToday.DayOfWeek + 6) % 7);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task WeekShowsTheCommunesSessionsOnTheirWeekdaysWithTheRundownAndOverflowMarked()
    {
        var api = await app.CreateApiClientAsync();
        var name = "Xã Tuần " + Guid.NewGuid().ToString("N")[..4];
        var commune = await IdOf(await api.PostAsJsonAsync("/api/communes", new { name, parentUnitId = (long?)null }));
        var session = await IdOf(await api.PostAsJsonAsync("/api/sessions",
            new { communeId = commune, weekdays = new[] { 1, 3 }, start = "04:10:00", lengthMinutes = 1 }));
        var first = await ApprovedAsync(api, "Tin đầu " + name, 40);
        var second = await ApprovedAsync(api, "Tin tràn " + name, 40);
        var booked = await api.PostAsJsonAsync("/api/bookings",
            new { sessionId = session, bulletinIds = new[] { first, second }, from = Iso(NextMonday), to = Iso(NextMonday.AddDays(6)) });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var html = await browser.PageAsync($"/schedule/week?communeId={commune}&date={Iso(NextMonday.AddDays(3))}");
        Assert.Contains(name, html);
        foreach (var offset in new[] { 0, 2 })
        {
            var day = DayHtml(html, NextMonday.AddDays(offset));
            var cell = Regex.Match(day, $"<div class=\"week-session overflow\" data-session-id=\"{session}\" data-overflow=\"true\">");
            Assert.True(cell.Success, $"no overflowing session {session} on {Iso(NextMonday.AddDays(offset))}");
            var text = PageBrowser.TextOf(day);
            Assert.Contains("04:10", text);
            Assert.Contains("Xung đột: tràn khung giờ", text);
            Assert.True(text.IndexOf("Tin đầu", StringComparison.Ordinal) < text.IndexOf("Tin tràn", StringComparison.Ordinal));
            Assert.Matches($"<li class=\"text-break item-overflow\" data-bulletin-id=\"{second}\"", day);
            Assert.Matches($"<li class=\"text-break \" data-bulletin-id=\"{first}\"", day);
            Assert.Contains($"href=\"/schedule?communeId={commune}&sessionId={session}&from={Iso(NextMonday.AddDays(offset))}&to={Iso(NextMonday.AddDays(offset))}\"", day);
        }
        foreach (var offset in new[] { 1, 3, 4, 5, 6 })
        {
            var day = DayHtml(html, NextMonday.AddDays(offset));
            Assert.DoesNotContain("data-session-id", day);
            Assert.Contains("Không có buổi phát", PageBrowser.TextOf(day));
        }

        await browser.SubmitAsync("/schedule/week", "/language", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });
        var english = PageBrowser.TextOf(await browser.PageAsync($"/schedule/week?communeId={commune}&date={Iso(NextMonday)}"));
        Assert.Contains("Week calendar", english);
        Assert.Contains("Conflict: overflows the session", english);
        Assert.DoesNotContain("Xung đột", english);
        await browser.SubmitAsync("/schedule/week", "/language", new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = "/" });

        var form = await browser.PageAsync($"/schedule?communeId={commune}&sessionId={session}&from={Iso(NextMonday)}&to={Iso(NextMonday)}");
        Assert.Matches($"<option value=\"{session}\" selected=\"selected\">", form);
        Assert.Contains($"value=\"{Iso(NextMonday)}\"", form);
    }

    [Fact]
    public async Task UnitWeekListsOnlyTheUnitsCommunesAndUnknownOnesAreRefused()
    {
        var api = await app.CreateApiClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = await IdOf(await api.PostAsJsonAsync("/api/units", new { name = "Trung tâm " + tag, parentUnitId = (long?)null }));
        var inside = await IdOf(await api.PostAsJsonAsync("/api/communes", new { name = "Xã Trong " + tag, parentUnitId = unit }));
        await IdOf(await api.PostAsJsonAsync("/api/communes", new { name = "Xã Ngoài " + tag, parentUnitId = (long?)null }));
        await api.PostAsJsonAsync("/api/sessions", new { communeId = inside, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "05:30:00", lengthMinutes = 30 });

        using var browser = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var html = await browser.PageAsync($"/schedule/week?unitId={unit}&date={Iso(NextMonday)}");
        Assert.Contains($"<h2>Xã Trong {tag}</h2>", html);
        Assert.DoesNotContain($"<h2>Xã Ngoài {tag}</h2>", html);
        Assert.Equal(7, Regex.Matches(html, "class=\"week-session \"").Count);

        var unknown = await browser.PageAsync("/schedule/week?communeId=987654", HttpStatusCode.NotFound);
        Assert.Contains("Không có xã số 987654", PageBrowser.TextOf(unknown));
        Assert.Contains("yyyy-MM-dd", PageBrowser.TextOf(await browser.PageAsync("/schedule/week?date=1/2/2026", HttpStatusCode.BadRequest)));
    }

    private static async Task<long> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    private static async Task<long> ApprovedAsync(HttpClient api, string title, double seconds)
    {
        using var form = new MultipartFormDataContent { { new StringContent(title), "title" }, { new StringContent("true"), "allowDuplicate" } };
        form.Add(new ByteArrayContent(ToneWav.Create(seconds, sampleRate: 8000)), "file", "tin.wav");
        var id = await IdOf(await api.PostAsync("/api/bulletins", form));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/bulletins/{id}/approve", null)).StatusCode);
        return id;
    }

    /// <summary>The HTML of one date's cell of the calendar.</summary>
    private static string DayHtml(string html, DateOnly date)
    {
        var start = html.IndexOf($"data-date=\"{Iso(date)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no cell for {Iso(date)}");
        var next = html.IndexOf("class=\"week-day", start, StringComparison.Ordinal);
        return next < 0 ? html[start..] : html[start..next];
    }
}
