using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Library;

[Collection(AppCollection.Name)]
public sealed class WaveformLimitTests(AppFactory app)
{
    [Fact]
    public async Task Parallel_requests_for_every_resolution_share_one_decode_and_later_ones_decode_nothing()
    {
        var waveforms = app.Services.GetRequiredService<WaveformCache>();
        var unique = ToneWav.Create(2.7, amplitude: 0.3 + Random.Shared.NextDouble() / 5, frequency: 200 + Random.Shared.Next(2000));
        var bulletin = await new PlayoutScenario(app).ApprovedAsync(unique, 2.7);
        var client = await app.CreateApiClientAsync();
        var before = waveforms.Decodes;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.GetFromJsonAsync<JsonElement>($"/api/bulletins/{bulletin.Id}/waveform?points={WaveformCache.Resolutions[i % 3]}")));

        Assert.Equal(1, waveforms.Decodes - before);
        Assert.All(answers, a => Assert.Equal(a.GetProperty("points").GetInt32(), a.GetProperty("max").GetArrayLength()));
        Assert.Equal([200, 600, 2000], answers.Select(a => a.GetProperty("points").GetInt32()).Distinct().Order());
        await client.GetFromJsonAsync<JsonElement>($"/api/bulletins/{bulletin.Id}/waveform");
        Assert.Equal(1, waveforms.Decodes - before);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(16)]
    [InlineData(4000)]
    public async Task Only_the_offered_resolutions_are_served(int points)
    {
        var bulletin = await new PlayoutScenario(app).ApprovedToneAsync(0.5);
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync($"/api/bulletins/{bulletin.Id}/waveform?points={points}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("invalid_points", error.GetProperty("error").GetString());
        Assert.Contains("200, 600, 2000", error.GetProperty("message").GetString());
    }

    [Fact]
    public void The_memory_cache_keeps_at_most_its_capacity_and_drops_the_least_recently_used()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.Set(1, "a");
        cache.Set(2, "b");
        Assert.True(cache.TryGet(1, out _));
        cache.Set(3, "c");

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(1, out var first));
        Assert.Equal("a", first);
        Assert.True(cache.TryGet(3, out _));
        var waveforms = app.Services.GetRequiredService<WaveformCache>();
        Assert.InRange(waveforms.InMemory, 0, new LibraryLimitsOptions().WaveformCacheEntries);
    }
}
