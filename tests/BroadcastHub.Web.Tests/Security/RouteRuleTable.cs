using static BroadcastHub.Web.Tests.Security.ScopeCheck;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>
/// Every route of the app, classified. A route missing here fails <see cref="ScopeAndRoleTests"/>: whoever adds a route
/// must say which role it needs and how the unit scope applies to it.
/// </summary>
public static class RouteRuleTable
{
    private const string D = "2026-03-02";

    private static Probe Get(string url) => new("GET", url);
    private static Probe Api(string method, string url, object body) => new(method, url, Json: body);
    private static Probe Page(string url, params (string, string)[] form) => new("POST", url, Form: form);
    private static object Session(long communeId) => new { communeId, weekdays = new[] { 1 }, start = "23:00", lengthMinutes = 5 };

    public static readonly IReadOnlyDictionary<string, RouteRule> Rules = new Dictionary<string, RouteRule>
    {
        ["GET /health"] = new(Need.Anonymous, new Unscoped("anonymous station health for monitors: ids and states only")),
        ["POST /api/auth/token"] = new(Need.Anonymous, new Unscoped("sign-in")),
        ["GET /account/signin"] = new(Need.Anonymous, new Unscoped("sign-in")),
        ["POST /account/signin"] = new(Need.Anonymous, new Unscoped("sign-in")),
        ["GET /account/denied"] = new(Need.Anonymous, new Unscoped("the refusal page")),
        ["POST /account/signout"] = new(Need.Staff, new Unscoped("the caller's own session")),
        ["POST /language"] = new(Need.Staff, new Unscoped("the caller's language cookie")),
        ["GET /profile"] = new(Need.Staff, new Unscoped("the caller's own account")),
        ["POST /profile/password"] = new(Need.Staff, new Unscoped("the caller's own password")),
        ["POST /profile/tokens"] = new(Need.Staff, new Unscoped("the caller's own tokens")),
        ["POST /profile/tokens/{id:long}/revoke"] = new(Need.Staff, new Foreign(w => Page($"/profile/tokens/{w.TokenB}/revoke"))),
        ["POST /api/tokens"] = new(Need.Staff, new Unscoped("the caller's own tokens")),
        ["GET /api/tokens"] = new(Need.Staff, new Unscoped("the caller's own tokens")),
        ["DELETE /api/tokens/{id:long}"] = new(Need.Staff, new Foreign(w => new Probe("DELETE", $"/api/tokens/{w.TokenB}"))),
        ["GET /hangfire/{**path}"] = new(Need.Admin, new Unscoped("Hangfire's dashboard: job ids, no unit data")),

        ["GET /"] = new(Need.Staff, new Listed(_ => "/")),
        ["GET /dashboard"] = new(Need.Staff, new Listed(_ => "/dashboard")),
        ["POST /dashboard/stop/{zoneId:long}"] = new(Need.Staff, new Foreign(w => Page($"/dashboard/stop/{w.ZoneB}"))),
        ["GET /dashboard/live"] = new(Need.Staff, new Listed(_ => "/dashboard/live")),
        ["GET /dashboard/events"] = new(Need.Staff, new Unscoped("a stream of change notices (kind, zone id); per-zone ones only for zones in scope: DashboardEventsTests")),

        ["GET /communes"] = new(Need.Staff, new Listed(_ => "/communes")),
        ["GET /communes/{id:long}"] = new(Need.Staff, new Foreign(w => Get($"/communes/{w.CommuneB}"))),
        ["POST /communes/units"] = new(Need.Admin, new Foreign(w => Page("/communes/units", ("Name", "x"), ("ParentUnitId", $"{w.UnitB}")).AsBodyReference())),
        ["POST /communes/create"] = new(Need.Admin, new Foreign(w => Page("/communes/create", ("Name", "x"), ("ParentUnitId", $"{w.UnitB}")).AsBodyReference())),
        ["POST /communes/{id:long}/clusters"] = new(Need.Admin, new Foreign(w => Page($"/communes/{w.CommuneB}/clusters", ("name", "x")))),
        ["POST /communes/{id:long}/sessions"] = new(Need.Admin, new Foreign(w =>
            Page($"/communes/{w.CommuneB}/sessions", ("Weekdays", "1"), ("Start", "23:00"), ("LengthMinutes", "5")))),

        ["GET /library"] = new(Need.Staff, new Listed(_ => "/library")),
        ["GET /library/{id:long}"] = new(Need.Staff, new Foreign(w => Get($"/library/{w.ApprovedB}"))),
        ["GET /library/{id:long}/audio"] = new(Need.Staff, new Foreign(w => Get($"/library/{w.ApprovedB}/audio"))),
        ["GET /library/{id:long}/waveform"] = new(Need.Staff, new Foreign(w => Get($"/library/{w.ApprovedB}/waveform"))),
        ["GET /api/bulletins/{id:long}/audio"] = new(Need.Staff, new Foreign(w => Get($"/api/bulletins/{w.ApprovedB}/audio"))),
        ["GET /api/bulletins/{id:long}/waveform"] = new(Need.Staff, new Foreign(w => Get($"/api/bulletins/{w.ApprovedB}/waveform"))),
        ["POST /library/upload"] = new(Need.Staff, new Unscoped("a new bulletin, owned by the uploader's unit")),
        ["POST /library/{id:long}/approve"] = new(Need.Approver, new Foreign(w => Page($"/library/{w.PendingB}/approve"))),
        ["POST /library/{id:long}/reject"] = new(Need.Approver, new Foreign(w => Page($"/library/{w.PendingB}/reject", ("reason", "x")))),

        ["GET /schedule"] = new(Need.Staff, new Listed(_ => "/schedule"), new Foreign(w => Get($"/schedule?communeId={w.CommuneB}"))),
        ["POST /schedule/book"] = new(Need.Staff, new Foreign(w =>
            Page("/schedule/book", ("SessionId", $"{w.SessionB}"), ("BulletinIds", $"{w.SharedBulletin}"), ("From", "2099-01-01"), ("To", "2099-01-01")))),

        ["GET /schedule/week"] = new(Need.Staff, new Listed(w => $"/schedule/week?unitId={w.UnitA}"),
            new Foreign(w => Get($"/schedule/week?communeId={w.CommuneB}")), new Foreign(w => Get($"/schedule/week?unitId={w.UnitB}"))),

        ["GET /emergency"] = new(Need.Staff, new Listed(_ => "/emergency")),
        ["POST /emergency"] = new(Need.Staff, new Foreign(w =>
            Page("/emergency", ("CommuneIds", $"{w.CommuneB}"), ("BulletinId", $"{w.SharedBulletin}"), ("Confirmed", "true")))),

        ["GET /airtime"] = new(Need.Staff, new Listed(_ => $"/airtime?from={D}"), new Foreign(w => Get($"/airtime?from={D}&communeId={w.CommuneB}"))),
        ["GET /airtime/export"] = new(Need.Staff, new Listed(_ => $"/airtime/export?from={D}"), new Foreign(w => Get($"/airtime/export?from={D}&communeId={w.CommuneB}"))),
        ["GET /airtime/{id:long}/recording"] = new(Need.Staff, new Foreign(w => Get($"/airtime/{w.AiredB}/recording"))),
        ["GET /airtime/summary"] = new(Need.Staff, new Listed(_ => $"/airtime/summary?from={D}")),
        ["GET /airtime/export.xlsx"] = new(Need.Staff, new Listed(_ => $"/airtime/export.xlsx?from={D}")),

        ["GET /users"] = new(Need.Admin, new Listed(_ => "/users")),
        ["POST /users/create"] = new(Need.Admin, new Foreign(w => Page("/users/create",
            ("UserName", "scope-x"), ("Password", ScopeWorld.Password), ("Role", "Operator"), ("UnitId", $"{w.UnitB}")).AsBodyReference())),

        ["GET /api/communes"] = new(Need.Staff, new Listed(_ => "/api/communes")),
        ["POST /api/communes"] = new(Need.Admin, new Foreign(w => Api("POST", "/api/communes", new { name = "x", parentUnitId = w.UnitB }).AsBodyReference())),
        ["GET /api/communes/{id:long}/policy"] = new(Need.Staff, new Foreign(w => Get($"/api/communes/{w.CommuneB}/policy"))),
        ["GET /api/communes/{id:long}/calendar.ics"] = new(Need.Staff, new Foreign(w => Get($"/api/communes/{w.CommuneB}/calendar.ics?sessions=true"))),
        ["GET /api/communes/{id:long}/programme"] = new(Need.Staff, new Foreign(w => Get($"/api/communes/{w.CommuneB}/programme"))),
        ["PUT /api/communes/{id:long}/underfill"] = new(Need.Approver,
            new Foreign(w => Api("PUT", $"/api/communes/{w.CommuneB}/underfill", new { mode = "endEarly" })),
            new Foreign(w => Api("PUT", $"/api/communes/{w.CommuneA}/underfill", new { mode = "evergreen", playlistId = w.PlaylistB }).AsBodyReference())),
        ["PUT /api/communes/{id:long}/jingles"] = new(Need.Approver,
            new Foreign(w => Api("PUT", $"/api/communes/{w.CommuneB}/jingles", new { introBulletinId = (long?)null })),
            new Foreign(w => Api("PUT", $"/api/communes/{w.CommuneA}/jingles", new { introBulletinId = w.ApprovedB }).AsBodyReference())),
        ["POST /api/communes/{id:long}/sessions"] = new(Need.Admin, new Foreign(w => Api("POST", $"/api/communes/{w.CommuneB}/sessions",
            new { date = "2099-01-01", start = "23:00", lengthMinutes = 5 }))),
        ["GET /api/units"] = new(Need.Staff, new Listed(_ => "/api/units")),
        ["POST /api/units"] = new(Need.Admin, new Foreign(w => Api("POST", "/api/units", new { name = "x", parentUnitId = w.UnitB }).AsBodyReference())),
        ["PUT /api/units/{id:long}/policy"] = new(Need.Admin, new Foreign(w => Api("PUT", $"/api/units/{w.UnitB}/policy", new { allowedFrom = "05:00", allowedTo = "21:00" }))),
        ["GET /api/sessions"] = new(Need.Staff, new Listed(_ => "/api/sessions"), new Foreign(w => Get($"/api/sessions?communeId={w.CommuneB}"))),
        ["POST /api/sessions"] = new(Need.Admin, new Foreign(w => Api("POST", "/api/sessions", Session(w.CommuneB)))),
        ["GET /api/sessions/{id:long}/rundown"] = new(Need.Staff, new Foreign(w => Get($"/api/sessions/{w.SessionB}/rundown?date={D}"))),
        ["GET /api/sessions/{id:long}/rundown.m3u8"] = new(Need.Staff, new Foreign(w => Get($"/api/sessions/{w.SessionB}/rundown.m3u8?date={D}"))),
        ["POST /api/sessions/{id:long}/exceptions"] = new(Need.Approver, new Foreign(w => Api("POST", $"/api/sessions/{w.SessionB}/exceptions", new { date = "2099-01-01" }))),
        ["POST /api/session-templates/apply"] = new(Need.Admin, new Foreign(w => Api("POST", "/api/session-templates/apply",
            new { communeIds = new[] { w.CommuneB }, weekdays = new[] { 1 }, start = "23:00", lengthMinutes = 5 }))),

        ["GET /api/bulletins"] = new(Need.Staff, new Listed(_ => "/api/bulletins")),
        ["POST /api/bulletins"] = new(Need.Staff, new Unscoped("a new bulletin, owned by the uploader's unit")),
        ["GET /api/bulletins/{id:long}"] = new(Need.Staff, new Foreign(w => Get($"/api/bulletins/{w.ApprovedB}"))),
        ["POST /api/bulletins/{id:long}/approve"] = new(Need.Approver, new Foreign(w => Api("POST", $"/api/bulletins/{w.PendingB}/approve", new { }))),
        ["POST /api/bulletins/{id:long}/reject"] = new(Need.Approver, new Foreign(w => Api("POST", $"/api/bulletins/{w.PendingB}/reject", new { reason = "x" }))),

        // The newsroom (issue 14): text to speech over the API and on its page; the recorder posts to /library/upload.
        ["GET /api/tts/voices"] = new(Need.Staff, new Unscoped("the voices installed on this machine: no unit data")),
        ["POST /api/bulletins/tts"] = new(Need.Staff, new Unscoped("a new bulletin, owned by the uploader's unit")),
        ["GET /newsroom/tts"] = new(Need.Staff, new Unscoped("the text-to-speech form and the voices: no unit data")),
        ["POST /newsroom/tts"] = new(Need.Staff, new Unscoped("a new bulletin, owned by the uploader's unit")),
        ["POST /newsroom/tts/preview"] = new(Need.Staff, new Unscoped("the caller's own text read out; nothing stored")),
        ["POST /newsroom/tts/normalise"] = new(Need.Staff, new Unscoped("the normaliser's reading of the caller's own text")),

        ["POST /api/bookings"] = new(Need.Staff,
            new Foreign(w => Api("POST", "/api/bookings", new { sessionId = w.SessionB, bulletinIds = new[] { w.SharedBulletin }, from = "2099-01-01", to = "2099-01-01" })),
            new Foreign(w => Api("POST", "/api/bookings", new { sessionId = w.SessionA, bulletinIds = new[] { w.ApprovedB }, from = "2099-01-01", to = "2099-01-01" })
                .AsBodyReference())),
        ["PUT /api/bookings/{id:long}"] = new(Need.Staff, new Foreign(w => Api("PUT", $"/api/bookings/{w.BookingB}", new { to = "2099-01-01" }))),
        ["POST /api/bookings/{id:long}/cancel"] = new(Need.Staff, new Foreign(w => Api("POST", $"/api/bookings/{w.BookingB}/cancel", new { }))),

        ["POST /api/emergency"] = new(Need.Staff,
            new Foreign(w => Api("POST", "/api/emergency", new { communeIds = new[] { w.CommuneA, w.CommuneB }, bulletinId = w.SharedBulletin })),
            new Foreign(w => Api("POST", "/api/emergency", new { communeIds = new[] { w.CommuneA }, bulletinId = w.ApprovedB }).AsBodyReference())),
        ["POST /api/zones/{id:long}/stop"] = new(Need.Staff, new Foreign(w => Api("POST", $"/api/zones/{w.ZoneB}/stop", new { }))),

        ["GET /api/playlists"] = new(Need.Staff, new Listed(_ => "/api/playlists")),
        ["GET /api/playlists/{id:long}"] = new(Need.Staff, new Foreign(w => Get($"/api/playlists/{w.PlaylistB}"))),
        ["GET /api/playlists/{id:long}.m3u8"] = new(Need.Staff, new Foreign(w => Get($"/api/playlists/{w.PlaylistB}.m3u8"))),
        ["POST /api/playlists/import"] = new(Need.Staff, new Foreign(w => new Probe("POST", "/api/playlists/import?name=x",
            Playlist: $"#EXTM3U\n#EXTINF:60,x\nbroadcasthub:bulletin/{w.ApprovedB}\n") { Refusals = [400, 404, 422] })),

        ["GET /api/airtime"] = new(Need.Staff, new Listed(_ => $"/api/airtime?from={D}"), new Foreign(w => Get($"/api/airtime?from={D}&communeId={w.CommuneB}"))),
        ["GET /api/airtime/{id:long}/recording"] = new(Need.Staff, new Foreign(w => Get($"/api/airtime/{w.AiredB}/recording"))),
        ["GET /api/airtime/verify"] = new(Need.Staff, new Listed(_ => "/api/airtime/verify")),
        ["GET /api/airtime/summary"] = new(Need.Staff, new Listed(_ => $"/api/airtime/summary?from={D}"), new Foreign(w => Get($"/api/airtime/summary?from={D}&unitId={w.UnitB}"))),
        ["GET /api/airtime/export"] = new(Need.Staff, new Listed(_ => $"/api/airtime/export?format=csv&from={D}"),
            new Foreign(w => Get($"/api/airtime/export?format=csv&from={D}&unitId={w.UnitB}"))),
        ["GET /api/audit"] = new(Need.Approver, new Listed(_ => "/api/audit")),

        ["GET /api/stations"] = new(Need.Admin, new Listed(_ => "/api/stations")),

        ["GET /api/relay-sources"] = new(Need.Staff, new Unscoped("relay sources: shared live streams without unit data")),
        ["GET /api/relay-sources/{id:long}"] = new(Need.Staff, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /api/relay-sources"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["PUT /api/relay-sources/{id:long}"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["DELETE /api/relay-sources/{id:long}"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /api/relay-sources/{id:long}/probe"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["GET /relay"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /relay/create"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /relay/{id:long}/update"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /relay/{id:long}/delete"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /relay/{id:long}/probe"] = new(Need.Admin, new Unscoped("relay sources: shared live streams without unit data")),
        ["POST /api/stations"] = new(Need.Admin, new Unscoped("a new station PC: shared infrastructure without unit data")),
        ["PUT /api/zones/{id:long}/station"] = new(Need.Admin, new Foreign(w => Api("PUT", $"/api/zones/{w.ZoneB}/station", new { stationId = 1 }))),
        ["PUT /api/zones/{id:long}/output"] = new(Need.Admin, new Foreign(w => Api("PUT", $"/api/zones/{w.ZoneB}/output", new { spec = "null" }))),
        ["POST /stations/zones/{zoneId:long}/output"] = new(Need.Admin, new Foreign(w => Page($"/stations/zones/{w.ZoneB}/output", ("spec", "null")))),
        ["GET /stations"] = new(Need.Admin, new Listed(_ => "/stations")),
        ["POST /stations/create"] = new(Need.Admin, new Unscoped("a new station PC: shared infrastructure without unit data")),
        ["POST /stations/zones/{zoneId:long}"] = new(Need.Admin, new Foreign(w => Page($"/stations/zones/{w.ZoneB}", ("stationId", "1")))),

        ["GET /policies"] = new(Need.Admin, new Listed(_ => "/policies")),
        ["POST /policies/{unitId:long}"] = new(Need.Admin, new Foreign(w => Page($"/policies/{w.UnitB}", ("AllowedFrom", "05:00"), ("AllowedTo", "21:00")))),
        ["POST /communes/{id:long}/underfill"] = new(Need.Approver, new Foreign(w => Page($"/communes/{w.CommuneB}/underfill", ("Mode", "endEarly")))),
        ["POST /communes/{id:long}/jingles"] = new(Need.Approver, new Foreign(w => Page($"/communes/{w.CommuneB}/jingles"))),
        ["POST /communes/{id:long}/one-off-sessions"] = new(Need.Admin, new Foreign(w =>
            Page($"/communes/{w.CommuneB}/one-off-sessions", ("Date", "2099-01-01"), ("Start", "23:00"), ("LengthMinutes", "5")))),
        ["GET /schedule/bookings/{id:long}/edit"] = new(Need.Staff, new Foreign(w => Get($"/schedule/bookings/{w.BookingB}/edit"))),
        ["POST /schedule/bookings/{id:long}/edit"] = new(Need.Staff, new Foreign(w => Page($"/schedule/bookings/{w.BookingB}/edit", ("To", "2099-01-01")))),
        ["GET /schedule/bookings/{id:long}"] = new(Need.Staff, new Foreign(w => Get($"/schedule/bookings/{w.BookingB}"))),
        ["GET /schedule/bookings/{id:long}/cancel"] = new(Need.Staff, new Foreign(w => Get($"/schedule/bookings/{w.BookingB}/cancel"))),
        ["POST /schedule/bookings/{id:long}/cancel"] = new(Need.Staff, new Foreign(w => Page($"/schedule/bookings/{w.BookingB}/cancel", ("From", "2099-01-01")))),
        ["GET /api/bookings"] = new(Need.Staff, new Listed(_ => "/api/bookings"),
            new Foreign(w => Get($"/api/bookings?communeId={w.CommuneB}")), new Foreign(w => Get($"/api/bookings?sessionId={w.SessionB}"))),

        ["GET /api/users"] = new(Need.Admin, new Listed(_ => "/api/users")),
        ["POST /api/users"] = new(Need.Admin, new Foreign(w => Api("POST", "/api/users",
            new { userName = "scope-y", password = ScopeWorld.Password, role = "Operator", unitId = w.UnitB }))),
        ["GET /api/users/{id:long}/tokens"] = new(Need.Admin, new Foreign(w => Get($"/api/users/{w.UserB}/tokens"))),
        ["POST /api/users/{id:long}/disable"] = new(Need.Admin, new Foreign(w => Api("POST", $"/api/users/{w.UserB}/disable", new { }))),
        ["POST /api/users/{id:long}/enable"] = new(Need.Admin, new Foreign(w => Api("POST", $"/api/users/{w.UserB}/enable", new { }))),
        ["POST /api/users/{id:long}/unlock"] = new(Need.Admin, new Foreign(w => Api("POST", $"/api/users/{w.UserB}/unlock", new { }))),
        ["POST /api/users/{id:long}/reset-password"] = new(Need.Admin, new Foreign(w => Api("POST", $"/api/users/{w.UserB}/reset-password", new { }))),
        ["POST /users/{id:long}/disable"] = new(Need.Admin, new Foreign(w => Page($"/users/{w.UserB}/disable"))),
        ["POST /users/{id:long}/enable"] = new(Need.Admin, new Foreign(w => Page($"/users/{w.UserB}/enable"))),
        ["POST /users/{id:long}/unlock"] = new(Need.Admin, new Foreign(w => Page($"/users/{w.UserB}/unlock"))),
        ["POST /users/{id:long}/reset-password"] = new(Need.Admin, new Foreign(w => Page($"/users/{w.UserB}/reset-password"))),
        ["POST /api/profile/password"] = new(Need.Staff, new Unscoped("the caller's own password")),
        ["POST /api/stations/{id:long}/enrol"] = new(Need.Admin, new Unscoped("a station agent's credential: shared infrastructure without unit data")),
        ["DELETE /api/stations/{id:long}/enrol"] = new(Need.Admin, new Unscoped("a station agent's credential: shared infrastructure without unit data")),
        ["POST /stations/{id:long}/enrol"] = new(Need.Admin, new Unscoped("a station agent's credential: shared infrastructure without unit data")),
        ["POST /stations/{id:long}/revoke"] = new(Need.Admin, new Unscoped("a station agent's credential: shared infrastructure without unit data")),
        // Station-facing: a station token only (users get 403); scoped to the token's station (StationAgent/ tests).
        ["GET /api/station/manifest"] = new(Need.Admin, new Unscoped("station token only: its own zones")),
        ["GET /api/station/media/{sha256}"] = new(Need.Admin, new Unscoped("station token only: media of its own manifest")),
        ["POST /api/station/airtime"] = new(Need.Admin, new Unscoped("station token only: occurrences of its own zones")),
        ["POST /api/station/heartbeat"] = new(Need.Admin, new Unscoped("station token only: its own state")),
        ["PUT /api/station/airtime/{occurrenceId:long}/{position:int}/recording"] = new(Need.Admin, new Unscoped("station token only: relay records of its own zones")),
        ["GET /api/station/push/negotiate"] = new(Need.Admin, new Unscoped("station token only: push to its own agent (StationPush/ tests)")),
        ["GET /api/station/push"] = new(Need.Admin, new Unscoped("station token only: push to its own agent (StationPush/ tests)")),
    };
}
