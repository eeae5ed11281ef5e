using System.Text.Json;
using BroadcastHub.Core.Library;

namespace BroadcastHub.Web.Services.Library;

/// <summary>
/// Waveforms of stored originals, computed once per content (SHA-256) and size, and kept on disk next to the
/// original as <c>media/ab/{sha256}.waveform-{points}.json</c>.
/// </summary>
public sealed class WaveformCache(MediaStore media, ILogger<WaveformCache> log)
{
    /// <summary>Fewest points a client may ask for.</summary>
    public const int MinPoints = 16;
    /// <summary>Most points a client may ask for.</summary>
    public const int MaxPoints = 4000;
    /// <summary>Points when the client does not say.</summary>
    public const int DefaultPoints = 600;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The waveform of <paramref name="bulletin"/>'s original at <paramref name="points"/> points.</summary>
    public async Task<BulletinWaveform> GetAsync(Bulletin bulletin, int points, CancellationToken cancel)
    {
        var cached = CachePath(bulletin.Sha256, points);
        if (File.Exists(cached))
        {
            try
            {
                await using var stream = File.OpenRead(cached);
                if (await JsonSerializer.DeserializeAsync<BulletinWaveform>(stream, Json, cancel) is { } found && found.Points == points) return found;
            }
            catch (JsonException e)
            {
                log.LogWarning(e, "Waveform cache {Path} is damaged; computing it again", cached);
            }
        }
        var waveform = await Task.Run(() => WaveformPeaks.Compute(media.PathFor(bulletin.Sha256), bulletin.Sha256, bulletin.Frames, points, cancel), cancel);
        var temp = cached + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(waveform, Json), cancel);
        File.Move(temp, cached, overwrite: true);
        return waveform;
    }

    private string CachePath(string sha256, int points) =>
        Path.Combine(Path.GetDirectoryName(media.PathFor(sha256))!, $"{sha256}.waveform-{points}.json");
}
