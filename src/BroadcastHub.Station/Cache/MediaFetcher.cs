using System.Net;
using System.Net.Http.Headers;

namespace BroadcastHub.Station.Cache;

/// <summary>One HTTP attempt at a media file: appends to the <c>.partial</c> file with a Range request when part of it is there.</summary>
internal sealed class MediaFetcher(HttpClient http, MediaCacheSettings settings, TimeProvider time)
{
    private const int BufferSize = 81920;

    /// <summary>Failures worth another attempt: the link, not the hub's answer.</summary>
    public static bool IsTransient(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException;

    public async Task FetchIntoAsync(string sha256, string partial, CancellationToken ct)
    {
        var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.MediaUri(sha256));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.StationToken);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);

        var append = false;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when have > 0 && response.Content.Headers.ContentRange?.From == have:
                append = true;
                break;
            case HttpStatusCode.PartialContent:
                File.Delete(partial);
                throw new IOException($"The hub answered a range other than bytes={have}-; starting again.");
            case HttpStatusCode.OK:
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                return; // the partial file is already whole (or too long): its hash decides
            case HttpStatusCode.NotFound:
                throw new MediaUnavailableException(sha256, $"The hub has no media {sha256} (404).");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new MediaUnavailableException(sha256,
                    $"The hub refused this station's token for media {sha256} ({(int)response.StatusCode}); check BroadcastHub:Hub:StationToken or enrol again.");
            default:
                throw new HttpRequestException($"The hub answered {(int)response.StatusCode} for media {sha256}.", null, response.StatusCode);
        }

        await using var file = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var copied = await CopyAsync(body, file, ct);
        file.Flush(flushToDisk: true);
        if (response.Content.Headers.ContentLength is { } expected && copied != expected)
            throw new IOException($"The hub's answer ended after {copied} of {expected} bytes.");
    }

    private async Task<long> CopyAsync(Stream body, FileStream file, CancellationToken ct)
    {
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, idle.Token);
        var buffer = new byte[BufferSize];
        long copied = 0;
        while (true)
        {
            idle.CancelAfter(settings.IdleTimeout);
            int read;
            try { read = await body.ReadAsync(buffer, linked.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new IOException($"The hub sent nothing for {settings.IdleTimeout.TotalSeconds:0} s.");
            }
            if (read == 0) return copied;
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            copied += read;
        }
    }
}
