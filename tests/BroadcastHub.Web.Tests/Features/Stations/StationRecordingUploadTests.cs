using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout.Relay;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>
/// <c>PUT /api/station/airtime/{occurrenceId}/{position}/recording</c>: a station's relay record gets its recording once
/// (the same bytes again are a duplicate); another station's record, a bulletin's record, a body that is not Ogg Opus,
/// one over the size limit (1 MB in this app) and different bytes later are refused and change nothing.
/// </summary>
[Collection(RelayCollection.Name)]
public sealed class StationRecordingUploadTests(RelayAppFactory app)
{
    [Fact]
    public async Task A_relay_recording_is_stored_once_and_every_refusal_changes_nothing()
    {
        await app.FillAsync();
        using var admin = await app.CreateApiClientAsync();
        var (mine, relayId, bulletinId) = await StationWithRecordsAsync(admin);
        var (other, _, _) = await StationWithRecordsAsync(admin);
        var opus = Opus(440);

        await Refused(other.Client, mine.Occ, 0, opus, HttpStatusCode.Forbidden, "zone_not_allowed");
        await Refused(mine.Client, mine.Occ, 1, opus, HttpStatusCode.BadRequest, "not_a_relay_record");
        await Refused(mine.Client, mine.Occ, 5, opus, HttpStatusCode.NotFound, "airtime_not_found");
        await Refused(mine.Client, mine.Occ, 0, ToneWav.Create(1), (HttpStatusCode)415, "recording_not_opus");
        await Refused(mine.Client, mine.Occ, 0, [.. opus, .. new byte[1024 * 1024]], (HttpStatusCode)413, "recording_too_large");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/airtime/{relayId}/recording")).StatusCode);

        Assert.Equal("stored", (await Put(mine.Client, mine.Occ, 0, opus)).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await Put(mine.Client, mine.Occ, 0, opus)).GetProperty("status").GetString());
        await Refused(mine.Client, mine.Occ, 0, Opus(660), HttpStatusCode.Conflict, "recording_conflict");

        var served = await admin.GetAsync($"/api/airtime/{relayId}/recording");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(opus, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/airtime/{bulletinId}/recording")).StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataPath, "tmp"), "recording-*"));
    }

    private sealed record Station(HttpClient Client, long Occ);

    /// <summary>A station whose occurrence (a 10 s relay, then a bulletin) has both airtime records uploaded as an agent would.</summary>
    private async Task<(Station Station, long RelayAirtimeId, long BulletinAirtimeId)> StationWithRecordsAsync(HttpClient admin)
    {
        var fill = await app.FillAsync();
        var source = app.Source(new Uri("http://127.0.0.1:9/live.mp3"));
        var start = DateTimeOffset.UtcNow.AddHours(2);
        var occ = app.Occurrence(start, start.AddMinutes(10), (object)(source, 10.0), fill);
        var stations = app.Services.GetRequiredService<StationRepository>();
        var station = stations.Create("Trạm " + Guid.NewGuid().ToString("N")[..8])!;
        stations.AssignZone(occ.ZoneId, station.Id);
        var client = StationAgentWorld.Client(app, await StationAgentWorld.EnrolTokenAsync(admin, station.Id));
        var records = new object[]
        {
            new { occurrenceId = occ.Id, position = 0, bulletinId = (long?)null, relaySourceId = source.Id, outcome = "Completed", scheduledStart = start,
                actualStart = start, actualEnd = start.AddSeconds(10), playedSeconds = 10.0, recordedAt = start.AddSeconds(10), outageSeconds = 0.0, outages = 0,
                recordingPath = $"air/relay/occ{occ.Id}-p0.opus" },
            new { occurrenceId = occ.Id, position = 1, bulletinId = fill.Id, outcome = "Completed", scheduledStart = start.AddSeconds(10),
                actualStart = start.AddSeconds(10), actualEnd = start.AddSeconds(13), playedSeconds = 3.0, recordedAt = start.AddSeconds(13) },
        };
        (await StationAgentWorld.UploadAsync(client, records)).EnsureSuccessStatusCode();
        var ids = app.Services.GetRequiredService<AirtimeRepository>().Query(start.AddHours(-1), start.AddHours(1)).Where(a => a.OccurrenceId == occ.Id).OrderBy(a => a.Position).Select(a => a.Id).ToList();
        return (new Station(client, occ.Id), ids[0], ids[1]);
    }

    private static async Task<System.Text.Json.JsonElement> Put(HttpClient station, long occ, int position, byte[] body)
    {
        var response = await station.PutAsync($"/api/station/airtime/{occ}/{position}/recording", Ogg(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task Refused(HttpClient station, long occ, int position, byte[] body, HttpStatusCode status, string code)
    {
        var response = await station.PutAsync($"/api/station/airtime/{occ}/{position}/recording", Ogg(body));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("error").GetString());
    }

    private static ByteArrayContent Ogg(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/ogg");
        return content;
    }

    private static byte[] Opus(int frequency)
    {
        var file = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.opus");
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                ["-nostdin", "-v", "error", "-f", "lavfi", "-i", $"sine=frequency={frequency}:duration=2", "-c:a", "libopus", "-b:a", "32k", file]))!;
            ffmpeg.WaitForExit();
            Assert.Equal(0, ffmpeg.ExitCode);
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
