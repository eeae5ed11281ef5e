using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>GET /api/airtime/{id}/recording and the airtime page's player: scope, range requests, refusals.</summary>
[Collection(ReportsCollection.Name)]
public sealed class AirtimeRecordingApiTests(ReportsAppFactory app)
{
    private static readonly DateTimeOffset Morning = new(2026, 6, 8, 5, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_relay_recording_is_served_with_ranges_in_scope_and_is_not_found_elsewhere()
    {
        var admin = await app.CreateApiClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mine = await ReportsAppFactory.CreateAsync(admin, "/api/units", new { name = "Trung tâm ghi âm " + tag });
        var theirs = await ReportsAppFactory.CreateAsync(admin, "/api/units", new { name = "Trung tâm khác " + tag });
        var commune = await ReportsAppFactory.CreateAsync(admin, "/api/communes", new { name = "Xã tiếp sóng " + tag, parentUnitId = mine });
        var source = app.Get<RelaySourceRepository>().Add("VOV1 " + tag, "http://127.0.0.1:9/vov1.mp3")!;
        var occurrence = app.Occurrence(commune, Morning, app.Bulletin("Tin trước tiếp sóng " + tag));
        var relative = $"air/relay/2026/06/08/occ{occurrence.Id}-p1.opus";
        var file = Path.Combine(app.DataPath, relative);
        Opus(file);
        var recorded = Relay(occurrence.Id, 1, source.Id, relative);
        var unrecorded = Relay(occurrence.Id, 2, source.Id, null);
        var escaping = Relay(occurrence.Id, 3, source.Id, "air/relay/../../broadcasthub.db");

        var whole = await admin.GetAsync($"/api/airtime/{recorded}/recording");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/ogg", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(file), await whole.Content.ReadAsByteArrayAsync());
        var part = new HttpRequestMessage(HttpMethod.Get, $"/api/airtime/{recorded}/recording") { Headers = { Range = new RangeHeaderValue(0, 99) } };
        var partial = await admin.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(new FileInfo(file).Length, partial.Content.Headers.ContentRange?.Length);

        foreach (var id in new[] { unrecorded, escaping, 987_654_321L })
        {
            var refused = await admin.GetAsync($"/api/airtime/{id}/recording");
            Assert.Equal((HttpStatusCode.NotFound, "recording_not_found"), (refused.StatusCode, await refused.ErrorCodeAsync()));
        }

        var (name, supervisor) = await app.SupervisorAsync("giamsat-khac-", theirs);
        var other = await supervisor.GetAsync($"/api/airtime/{recorded}/recording");
        Assert.Equal((HttpStatusCode.NotFound, "recording_not_found"), (other.StatusCode, await other.ErrorCodeAsync()));
        using var otherPage = await PageBrowser.SignedInAsync(app, name, ReportsAppFactory.SupervisorPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.Client.GetAsync($"/airtime/{recorded}/recording")).StatusCode);

        using var page = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var html = await page.PageAsync($"/airtime?from=2026-06-08&communeId={commune}");
        Assert.Contains($"src=\"/airtime/{recorded}/recording\"", html);
        Assert.DoesNotContain($"/airtime/{unrecorded}/recording", html);
        Assert.Contains("VOV1 " + tag, html);
        var played = await page.Client.GetAsync($"/airtime/{recorded}/recording");
        Assert.Equal(("audio/ogg", new FileInfo(file).Length), (played.Content.Headers.ContentType?.MediaType, (await played.Content.ReadAsByteArrayAsync()).LongLength));
    }

    private long Relay(long occurrenceId, int position, long sourceId, string? recordingPath)
    {
        var start = Morning.AddMinutes(position);
        Assert.True(app.Get<AirtimeRepository>().TryAppend(new AirtimeRecord
        {
            OccurrenceId = occurrenceId, Position = position, RelaySourceId = sourceId, OutageSeconds = 0, Outages = 0, RecordingPath = recordingPath,
            ScheduledStart = start, ActualStart = start, ActualEnd = start.AddSeconds(30), PlayedSeconds = 30, Outcome = AirtimeOutcome.Completed,
            RecordedAt = start.AddSeconds(30),
        }));
        return app.Get<AirtimeRepository>().Query(start.AddSeconds(-1), start.AddSeconds(1)).Single(r => r.OccurrenceId == occurrenceId).Id;
    }

    private static void Opus(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "libopus", "-b:a", "32k", path })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }
}
