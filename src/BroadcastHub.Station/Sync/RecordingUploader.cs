using System.Globalization;
using System.Net.Http.Headers;
using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// Uploads the relay recordings of accepted airtime records with
/// <c>PUT /api/station/airtime/{occurrenceId}/{position}/recording</c> (<c>audio/ogg</c>). A 200 (<c>stored</c> or
/// <c>duplicate</c>) takes the recording off the queue; a refusal (4xx) or a missing file marks it; the hub away (no answer,
/// 5xx) puts it back with back-off and ends the round.
/// </summary>
public sealed class RecordingUploader(HubClient hub, RecordingQueue queue, IOptions<PlayoutOptions> playout, ILogger<RecordingUploader> log)
{
    /// <summary>Longest one upload may take (a 64 MB recording at about 1 Mbit/s, with room).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    /// <summary>Recordings tried per round.</summary>
    public const int BatchSize = 20;

    /// <summary>Uploads the recordings due; returns how many the hub now has. Throws when the hub is away.</summary>
    public async Task<int> UploadPendingAsync(CancellationToken ct)
    {
        var uploaded = 0;
        foreach (var r in queue.Due(BatchSize))
        {
            var full = Path.GetFullPath(Path.Combine(playout.Value.FullDataPath, r.Path));
            if (!full.StartsWith(playout.Value.RecordingsPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            {
                queue.MarkRefused(r, "recording_file_missing", full);
                log.LogError("The relay recording of occurrence {OccurrenceId} position {Position} is gone ({Path}); not uploaded", r.OccurrenceId, r.Position, full);
                continue;
            }
            try
            {
                await using var file = File.OpenRead(full);
                var content = new StreamContent(file);
                content.Headers.ContentType = new MediaTypeHeaderValue("audio/ogg");
                content.Headers.ContentLength = file.Length;
                var route = string.Create(CultureInfo.InvariantCulture, $"api/station/airtime/{r.OccurrenceId}/{r.Position}/recording");
                using var _ = await hub.SendContentAsync(HttpMethod.Put, route, content, ct);
                queue.Uploaded(r);
                uploaded++;
            }
            catch (HubRefusedException refused) when (refused.Status is >= 400 and < 500 and not 408 and not 429)
            {
                queue.MarkRefused(r, refused.Code, refused.Message);
                log.LogError("The hub refused the relay recording of occurrence {OccurrenceId} position {Position}: {Code} {Message}",
                    r.OccurrenceId, r.Position, refused.Code, refused.Message);
            }
            catch (Exception e) when (e is HttpRequestException or HubRefusedException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                queue.Failed(r);
                throw;
            }
        }
        return uploaded;
    }
}
