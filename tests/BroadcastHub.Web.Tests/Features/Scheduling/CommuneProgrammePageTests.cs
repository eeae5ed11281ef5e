using System.Globalization;
using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class CommuneProgrammePageTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private long NewCommune() => Get<PlacesRepository>().CreateCommune("Xã chương trình " + Guid.NewGuid().ToString("N")[..6], null).Id;

    private string Day(int offset) => Get<StationClock>().Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SupervisorSetsEvergreenAndJinglesAndThePageShowsThem()
    {
        var commune = NewCommune();
        var (intro, filler) = (await _scenario.ApprovedToneAsync(1), await _scenario.ApprovedToneAsync(1));
        var playlist = Get<PlaylistRepository>().Insert("Dự phòng trang " + Guid.NewGuid().ToString("N")[..4], [filler.Id], "test");
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var page = $"/communes/{commune}";
        Assert.Contains("Kết thúc sớm", PageBrowser.TextOf(PageSections.After(await supervisor.PageAsync(page), "id=\"programme-settings\"", "</dl>")));

        var underfill = await supervisor.SubmitAsync(page, $"{page}/underfill", [("Mode", "evergreen"), ("PlaylistId", Id(playlist.Id))]);
        Assert.Equal(HttpStatusCode.Redirect, underfill.StatusCode);
        var jingles = await supervisor.SubmitAsync(page, $"{page}/jingles", [("IntroBulletinId", Id(intro.Id)), ("OutroBulletinId", "")]);
        Assert.Equal(HttpStatusCode.Redirect, jingles.StatusCode);

        Assert.Equal(new CommuneProgrammeSettings(commune, UnderfillMode.Evergreen, playlist.Id, intro.Id, null), Get<CommuneProgrammeRepository>().Find(commune));
        var settings = PageBrowser.TextOf(PageSections.After(await supervisor.PageAsync(page), "id=\"programme-settings\"", "</dl>"));
        Assert.Contains(playlist.Name, settings);
        Assert.Contains(intro.Title, settings);
        Assert.Contains("00:00–24:00", settings);
    }

    [Fact]
    public async Task RefusedProgrammeSettingsShowTheReasonInTheirFormAndChangeNothing()
    {
        var commune = NewCommune();
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var page = $"/communes/{commune}";

        var noPlaylist = await admin.SubmitAsync(page, $"{page}/underfill", [("Mode", "evergreen"), ("PlaylistId", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noPlaylist.StatusCode);
        var form = PageSections.After(await PageBrowser.HtmlOf(noPlaylist), "id=\"underfill-form\"", "</form>");
        Assert.Contains("cần một danh sách phát", PageBrowser.TextOf(form));
        Assert.Contains("value=\"evergreen\" id=\"uf-evergreen\" checked", form);

        var unknown = await admin.SubmitAsync(page, $"{page}/jingles", [("IntroBulletinId", "987654"), ("OutroBulletinId", "")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không có bản tin số 987654", PageBrowser.TextOf(PageSections.After(await PageBrowser.HtmlOf(unknown), "id=\"jingles-form\"", "</form>")));

        Assert.Equal(CommuneProgrammeSettings.Default(commune), Get<CommuneProgrammeRepository>().Find(commune));
    }

    [Fact]
    public async Task AdminAddsAOneOffSessionListedApartFromTheWeeklyOnes()
    {
        var commune = NewCommune();
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var page = $"/communes/{commune}";

        var added = await admin.SubmitAsync(page, $"{page}/one-off-sessions", [("Date", Day(2)), ("Start", "21:15:00"), ("LengthMinutes", "20")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var past = await admin.SubmitAsync(page, $"{page}/one-off-sessions", [("Date", Day(-1)), ("Start", "21:15:00"), ("LengthMinutes", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var pastForm = PageSections.After(await PageBrowser.HtmlOf(past), "id=\"one-off-form\"", "</form>");
        Assert.Contains("ngày đã qua", PageBrowser.TextOf(pastForm));
        Assert.Contains($"value=\"{Day(-1)}\"", pastForm);

        var session = Assert.Single(Get<SessionRepository>().List(commune));
        Assert.Equal((DateOnly.ParseExact(Day(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), new TimeOnly(21, 15), 20),
            (session.OnlyOn!.Value, session.Start, session.LengthMinutes));
        var html = await admin.PageAsync(page);
        PageSections.EveryPostFormHasAToken(html);
        Assert.Contains("21:15:00", PageBrowser.TextOf(PageSections.After(html, "id=\"one-off-sessions\"", "</table>")));
        Assert.DoesNotContain("id=\"sessions\"", html);
    }

    [Fact]
    public async Task OperatorsSeeTheSettingsButAreForbiddenToChangeThemAndSupervisorsToAddSessions()
    {
        var commune = NewCommune();
        var page = $"/communes/{commune}";
        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var html = await operatorBrowser.PageAsync(page);
        Assert.Contains("id=\"programme-settings\"", html);
        Assert.DoesNotContain("id=\"underfill-form\"", html);
        Assert.DoesNotContain("id=\"one-off-form\"", html);
        var underfill = await operatorBrowser.FollowAsync(await operatorBrowser.SubmitAsync(page, $"{page}/underfill", [("Mode", "endEarly")]));
        Assert.Equal(HttpStatusCode.Forbidden, underfill.StatusCode);

        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var oneOff = await supervisor.FollowAsync(await supervisor.SubmitAsync(page, $"{page}/one-off-sessions",
            [("Date", Day(2)), ("Start", "21:15:00"), ("LengthMinutes", "20")]));
        Assert.Equal(HttpStatusCode.Forbidden, oneOff.StatusCode);

        Assert.Equal(0, Get<CommuneProgrammeRepository>().ListProgrammes().Keys.Count(k => k == commune));
        Assert.Empty(Get<SessionRepository>().List(commune));
    }
}
