using System.Security.Cryptography;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout.Relay;
using BroadcastHub.Web.Features.Relay;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>What the hub answers an accepted recording upload: <c>stored</c> or <c>duplicate</c> (the same bytes again).</summary>
public sealed record StationRecordingResult(long AirtimeId, string Status, string Sha256, long Bytes);

/// <summary>
/// Receives the recording a station agent made of a relay it aired, for one of the station's own relay airtime records,
/// and keeps the hub's copy under <c>air/relay</c> (the airtime row stays as it is; <c>airtime_recordings</c> says where).
/// Checked first (record exists, the station's zone, a relay record, size, Ogg Opus), written to a temporary file and
/// moved into place only when whole; written once: the same bytes again are a <c>duplicate</c>, other bytes a conflict.
/// </summary>
public sealed class StationRecordingUpload(AgentRecordingRepository recordings, StationRepository stations,
    IOptions<BroadcastHubOptions> hub, IOptions<RelayHubOptions> relay, TimeProvider time)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The largest recording accepted, in bytes.</summary>
    public long MaxBytes => relay.Value.AgentRecordingMaxMegabytes * 1024L * 1024L;

    /// <summary>Stores <paramref name="body"/> as the recording of (<paramref name="occurrenceId"/>, <paramref name="position"/>) or throws <see cref="AppException"/>.</summary>
    public async Task<StationRecordingResult> ReceiveAsync(long stationId, long occurrenceId, int position, Stream body, long? length, CancellationToken ct)
    {
        var target = recordings.Find(occurrenceId, position)
            ?? throw new AppException("airtime_not_found", Msg.Get("ThereIsNoAirtimeRecordOf", occurrenceId, position));
        if (!stations.StationByZone().TryGetValue(target.ZoneId, out var owner) || owner != stationId)
            throw new AppException("zone_not_allowed", Msg.Get("ThisOccurrenceBelongsToAZone"));
        if (target.RelaySourceId is null)
            throw new AppException("not_a_relay_record", Msg.Get("ThisRecordIsNotARelay"));
        if (length > MaxBytes) throw TooLarge();
        var temp = Path.Combine(hub.Value.UploadTempPath, $"recording-{Guid.NewGuid():N}.part");
        try
        {
            var (sha256, bytes) = await CopyAsync(body, temp, ct);
            if (!await OggOpus.IsOggOpusAsync(temp, ct))
                throw new AppException("recording_not_opus", Msg.Get("TheRecordingMustBeOpusAudio"));
            await _oneAtATime.WaitAsync(ct);
            try
            {
                return Store(target, stationId, occurrenceId, position, temp, sha256, bytes);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private StationRecordingResult Store(AgentRecordingRepository.Target target, long stationId, long occurrenceId, int position, string temp, string sha256, long bytes)
    {
        var stored = recordings.Find(occurrenceId, position) ?? target;
        if (stored.Sha256 is not null)
            return stored.Sha256 == sha256 ? new StationRecordingResult(target.AirtimeId, "duplicate", sha256, bytes)
                : throw new AppException("recording_conflict", Msg.Get("ThisRecordAlreadyHasADifferent"));
        var now = time.GetUtcNow();
        var full = Path.Combine(hub.Value.RecordingsPath, RelayRecordingPaths.Folder, "stations", $"station{stationId}",
            now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), $"occ{occurrenceId}-p{position}.opus");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Move(temp, full, overwrite: true);
        recordings.Add(target.AirtimeId, Path.GetRelativePath(hub.Value.FullDataPath, full).Replace('\\', '/'), sha256, bytes, now);
        return new StationRecordingResult(target.AirtimeId, "stored", sha256, bytes);
    }

    private async Task<(string Sha256, long Bytes)> CopyAsync(Stream body, string temp, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long bytes = 0;
        await using (var file = File.Create(temp))
        {
            int n;
            while ((n = await ReadAsync(body, buffer, ct)) > 0)
            {
                bytes += n;
                if (bytes > MaxBytes) throw TooLarge();
                hash.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), bytes);
    }

    private async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        try
        {
            return await body.ReadAsync(buffer, ct);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    private AppException TooLarge() => new("recording_too_large",
        Msg.Get("TheRecordingIsLargerThanMB", relay.Value.AgentRecordingMaxMegabytes));
}
