using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BroadcastHub.Station.Sync;

/// <summary>Where the hub is and the station's token.</summary>
public sealed record HubEndpoint(Uri BaseUrl, string Token);

/// <summary>The hub answered with an error (<c>{ error, message }</c>); <see cref="Code"/> is its stable code.</summary>
public sealed class HubRefusedException(int status, string code, string message, JsonElement? body) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The hub's error code.</summary>
    public string Code { get; } = code;

    /// <summary>The whole answer (for <c>problems</c>).</summary>
    public JsonElement? Body { get; } = body;
}

/// <summary>
/// Sends station-route requests with the bearer token, measures the clock offset from each answer's <c>X-Hub-Time</c>
/// and notes whether the hub is reachable.
/// </summary>
public sealed class HubClient(HttpClient http, HubEndpoint endpoint, TimeProvider time, SyncState state)
{
    /// <summary>Sends a request to <paramref name="relative"/> (e.g. <c>api/station/manifest</c>); a non-2xx answer throws <see cref="HubRefusedException"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, object? json, CancellationToken ct, string? ifNoneMatch = null) =>
        SendContentAsync(method, relative, json is null ? null : JsonContent.Create(json, options: JsonSerializerOptions.Web), ct, ifNoneMatch);

    /// <summary>Sends <paramref name="content"/> (disposed with the request) to <paramref name="relative"/>; a non-2xx answer throws <see cref="HubRefusedException"/>.</summary>
    public async Task<HttpResponseMessage> SendContentAsync(HttpMethod method, string relative, HttpContent? content, CancellationToken ct, string? ifNoneMatch = null)
    {
        var root = endpoint.BaseUrl.AbsoluteUri.EndsWith('/') ? endpoint.BaseUrl : new Uri(endpoint.BaseUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(method, new Uri(root, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.Token);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{ifNoneMatch}\"");
        request.Content = content;
        var sent = time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            state.Failed($"Hub unreachable: {e.Message}", unreachable: true);
            throw;
        }
        var received = time.GetUtcNow();
        if (response.Headers.TryGetValues("X-Hub-Time", out var values)
            && DateTimeOffset.TryParse(values.First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var hub))
            state.AddClockSample(sent, hub, received);
        if (response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            state.Reached();
            return response;
        }
        using (response) throw await RefusalAsync(response, ct);
    }

    private async Task<HubRefusedException> RefusalAsync(HttpResponseMessage response, CancellationToken ct)
    {
        JsonElement? body = null;
        try { body = await response.Content.ReadFromJsonAsync<JsonElement>(ct); }
        catch (JsonException) { }
        var code = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown" : "http_" + (int)response.StatusCode;
        var message = body is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("message", out var t) ? t.GetString() ?? code : code;
        var refused = new HubRefusedException((int)response.StatusCode, code, message, body);
        state.Failed($"Hub answered {(int)response.StatusCode} {code}: {message}", unreachable: (int)response.StatusCode >= 500);
        return refused;
    }
}
