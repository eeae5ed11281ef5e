using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>/health tells an anonymous monitor states and codes, never how the station is built.</summary>
[Collection(AppCollection.Name)]
public sealed class AnonymousHealthTests(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task An_anonymous_caller_gets_no_paths_output_specs_device_names_or_error_texts_a_signed_in_one_does()
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        Assert.True(Get<StationRepository>().SetZoneOutput(commune.ZoneId, "alsa:plughw:7,3"));
        var outputs = Get<ZoneOutputs>();
        outputs.Forget(commune.ZoneId);
        outputs.StateOf(commune.ZoneId);
        outputs.ReportError(commune.ZoneId, "snd_pcm_writei failed on /dev/snd/pcmC7D3p: card exploded");
        try
        {
            var anonymous = await app.CreateClient().GetStringAsync("/health");

            foreach (var secret in new[] { app.DataPath, Path.GetTempPath().TrimEnd('/'), "plughw", "alsa:", "/dev/snd", "exploded", "nosuchdevice", "fail-after" })
                Assert.DoesNotContain(secret, anonymous, StringComparison.OrdinalIgnoreCase);
            var body = JsonDocument.Parse(anonymous).RootElement;
            Assert.Equal("degraded", body.GetProperty("status").GetString());
            Assert.Contains(body.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("code").GetString() == "output_error");
            var zone = body.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetInt64() == commune.ZoneId);
            Assert.Equal("error", zone.GetProperty("output").GetProperty("state").GetString());
            Assert.True(body.GetProperty("disk").GetProperty("freeBytes").GetInt64() > 0);

            using var technician = await app.CreateApiClientAsync();
            var detailed = await technician.GetStringAsync("/health");
            Assert.Contains("alsa:plughw:7,3", detailed);
            Assert.Contains("card exploded", detailed);
            Assert.Contains(JsonEncodedText.Encode(app.DataPath).ToString(), detailed);
        }
        finally
        {
            outputs.ReportHealthy(commune.ZoneId);
            Get<StationRepository>().SetZoneOutput(commune.ZoneId, null);
            outputs.Forget(commune.ZoneId);
        }
    }
}
