using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>Airtime a station uploads: idempotent on (occurrence, position), all or nothing, into the verifiable chain.</summary>
[Collection(AppCollection.Name)]
public sealed class StationAirtimeUploadTests(AppFactory app)
{
    private AirtimeRepository Airtime => app.Services.GetRequiredService<AirtimeRepository>();

    [Fact]
    public async Task New_records_are_stored_a_repeat_is_a_duplicate_and_an_altered_record_is_refused_with_409()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);

        var first = await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 0));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicate").GetInt32());

        var repeat = await (await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 0), StationAgentWorld.Record(s, 1))).JsonAsync();
        Assert.Equal(1, repeat.GetProperty("accepted").GetInt32());
        Assert.Equal(1, repeat.GetProperty("duplicate").GetInt32());
        Assert.Equal(new[] { 0, 1 }, Airtime.RecordedPositions(s.Occurrence.Id).Order());
        var head = (await admin.GetFromJsonAsync<JsonElement>("/api/airtime/verify")).GetProperty("lastId").GetInt64();

        var altered = await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 1, outcome: "Failed", played: 0));
        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        var refusal = await altered.JsonAsync();
        Assert.Equal("airtime_conflict", refusal.GetProperty("error").GetString());
        Assert.Equal(1, refusal.GetProperty("problems").EnumerateArray().Single().GetProperty("position").GetInt32());
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
        Assert.Equal(head, verify.GetProperty("lastId").GetInt64());
        Assert.True(verify.GetProperty("intact").GetBoolean());

        var date = s.Occurrence.LocalDate.ToString("yyyy-MM-dd");
        var listed = (await admin.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}&communeId={s.Occurrence.CommuneId}"))
            .EnumerateArray().Where(r => r.GetProperty("occurrenceId").GetInt64() == s.Occurrence.Id).ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, r => Assert.Equal(s.StationId, r.GetProperty("stationId").GetInt64()));
        Assert.All(listed, r => Assert.True(Math.Abs((r.GetProperty("receivedAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalMinutes) < 5));
        Assert.Equal("Completed", listed.Single(r => r.GetProperty("position").GetInt32() == 1).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_record_stored_before_its_receipt_was_written_is_a_duplicate_on_retry_not_a_conflict()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);
        var at = s.Occurrence.StartUtc;
        Assert.True(Airtime.TryAppend(new BroadcastHub.Core.Airtime.AirtimeRecord
        {
            OccurrenceId = s.Occurrence.Id, Position = 0, BulletinId = s.Bulletins[0].Id, ScheduledStart = at, ActualStart = at,
            ActualEnd = at.AddSeconds(1), PlayedSeconds = 1, Outcome = BroadcastHub.Core.Airtime.AirtimeOutcome.Completed, RecordedAt = at.AddSeconds(1),
        }));

        var retry = await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 0));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, (await retry.JsonAsync()).GetProperty("duplicate").GetInt32());
        var altered = await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 0, played: 0.5));
        Assert.Equal("airtime_conflict", await altered.ErrorCodeAsync());
    }

    [Fact]
    public async Task A_malformed_batch_is_refused_with_each_records_problem_and_nothing_of_it_is_stored()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/airtime/verify")).GetProperty("records").GetInt64();

        var wrongBulletin = new { occurrenceId = s.Occurrence.Id, position = 1, bulletinId = s.Bulletins[0].Id, outcome = "Completed",
            scheduledStart = s.Occurrence.StartUtc, recordedAt = s.Occurrence.StartUtc, playedSeconds = 1 };
        var badOutcome = new { occurrenceId = s.Occurrence.Id, position = 1, bulletinId = s.Bulletins[1].Id, outcome = "Exploded",
            scheduledStart = s.Occurrence.StartUtc, recordedAt = s.Occurrence.StartUtc, playedSeconds = -1 };
        var noSuchPosition = new { occurrenceId = s.Occurrence.Id, position = 9, bulletinId = s.Bulletins[1].Id, outcome = "Completed",
            scheduledStart = s.Occurrence.StartUtc, recordedAt = s.Occurrence.StartUtc, playedSeconds = 1 };
        var response = await StationAgentWorld.UploadAsync(station, StationAgentWorld.Record(s, 0), wrongBulletin, badOutcome, noSuchPosition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("invalid_airtime_batch", body.GetProperty("error").GetString());
        var codes = body.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("index").GetInt32(), p.GetProperty("code").GetString())).ToList();
        Assert.Contains((1, "bulletin_mismatch"), codes);
        Assert.Contains((2, "invalid_outcome"), codes);
        Assert.Contains((2, "invalid_played_seconds"), codes);
        Assert.Contains((2, "duplicate_in_batch"), codes);
        Assert.Contains((3, "position_not_in_rundown"), codes);
        Assert.DoesNotContain(codes, c => c.Item1 == 0);
        Assert.Empty(Airtime.RecordedPositions(s.Occurrence.Id));
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/airtime/verify")).GetProperty("records").GetInt64());

        Assert.Equal("invalid_airtime_batch", await (await station.PostAsJsonAsync("/api/station/airtime", new { records = Array.Empty<object>() })).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await station.PostAsJsonAsync("/api/station/airtime", new { records = "x" })).StatusCode);
    }
}
