using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace BroadcastHub.LoadBench;

/// <summary>One measured endpoint: a page (cookie sign-in) or an API route (bearer token).</summary>
public sealed record Endpoint(string Name, string Path, bool Api);

/// <summary>Latencies and failures of one endpoint over the run.</summary>
public sealed class EndpointStats(Endpoint endpoint)
{
    public Endpoint Endpoint { get; } = endpoint;
    public List<double> Millis { get; } = [];
    public int Errors { get; set; }
    public string? FirstError { get; set; }

    public double Percentile(double p)
    {
        if (Millis.Count == 0) return double.NaN;
        var sorted = Millis.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// N clients, each with its own HttpClient, connection and cookie jar (signed in through the real form), loop over
/// the endpoints for a fixed time and time each request to the last byte of its body. Redirects are not followed,
/// so a bounce to the sign-in page counts as an error; so does any non-2xx answer.
/// </summary>
public static partial class LoadRunner
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public static HttpClient NewClient(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>GET /account/signin, scrape the antiforgery token, POST the form; expects the redirect home.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("account/signin");
        var token = AntiforgeryInput().Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no __RequestVerificationToken on /account/signin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("account/signin", form);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString.Contains("signin", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"sign-in through the form failed: {(int)response.StatusCode} → {response.Headers.Location}");
    }

    public static async Task<IReadOnlyList<EndpointStats>> RunAsync(
        IReadOnlyList<HttpClient> clients, string bearer, IReadOnlyList<Endpoint> endpoints, TimeSpan duration, TimeSpan warmUp)
    {
        var perClient = clients.Select(_ => endpoints.Select(e => new EndpointStats(e)).ToArray()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var warmEnd = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = warmEnd + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = clients.Select((client, i) => Task.Run(async () =>
        {
            var stats = perClient[i];
            var buffer = new byte[64 * 1024];
            for (var n = i; ; n++) // each client starts at a different endpoint, then round-robin
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= end) break;
                var k = n % endpoints.Count;
                var e = endpoints[k];
                using var request = new HttpRequestMessage(HttpMethod.Get, e.Path);
                if (e.Api) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                string? error = null;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0) { }
                    if (!response.IsSuccessStatusCode) error = $"{(int)response.StatusCode} {response.Headers.Location}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
                var after = Stopwatch.GetTimestamp();
                if (before < warmEnd) continue;
                var s = stats[k];
                if (error is null) s.Millis.Add(Stopwatch.GetElapsedTime(before, after).TotalMilliseconds);
                else
                {
                    s.Errors++;
                    s.FirstError ??= error;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return endpoints.Select((e, k) =>
        {
            var merged = new EndpointStats(e);
            foreach (var c in perClient)
            {
                merged.Millis.AddRange(c[k].Millis);
                merged.Errors += c[k].Errors;
                merged.FirstError ??= c[k].FirstError;
            }
            return merged;
        }).ToList();
    }
}
