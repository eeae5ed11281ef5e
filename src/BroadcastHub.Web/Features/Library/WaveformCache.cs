using System.Collections.Concurrent;
using System.Text.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// Waveforms of stored originals at a few fixed resolutions. One decode of a bulletin computes every resolution at
/// once, and requests arriving while it runs wait for that same decode. Results are kept on disk next to the original
/// (<c>media/ab/{sha256}.waveform-{points}.json</c>, one file per resolution) and the most recently used in memory,
/// up to <see cref="LibraryLimitsOptions.WaveformCacheEntries"/>.
/// </summary>
public sealed class WaveformCache(MediaStore media, IOptions<LibraryLimitsOptions> options, ILogger<WaveformCache> log)
{
    /// <summary>The resolutions offered; any other <c>points</c> is refused with <c>invalid_points</c>.</summary>
    public static IReadOnlyList<int> Resolutions { get; } = [200, 600, 2000];

    /// <summary>Points when the client does not say.</summary>
    public const int DefaultPoints = 600;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BoundedCache<(string Sha256, int Points), BulletinWaveform> _memory = new(options.Value.WaveformCacheEntries);
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<BulletinWaveform>>>> _decoding = new();
    private long _decodes;

    /// <summary>How many decodes have run since start (diagnostics and tests).</summary>
    public long Decodes => Interlocked.Read(ref _decodes);

    /// <summary>Waveforms held in memory now.</summary>
    public int InMemory => _memory.Count;

    /// <summary>The waveform of <paramref name="bulletin"/>'s original at <paramref name="points"/> (one of <see cref="Resolutions"/>).</summary>
    public async Task<BulletinWaveform> GetAsync(Bulletin bulletin, int points, CancellationToken cancel)
    {
        if (!Resolutions.Contains(points)) throw new ArgumentOutOfRangeException(nameof(points), points, "not an offered resolution");
        if (_memory.TryGet((bulletin.Sha256, points), out var remembered)) return remembered;
        if (await ReadStoredAsync(bulletin.Sha256, points, cancel) is { } stored)
        {
            _memory.Set((bulletin.Sha256, points), stored);
            return stored;
        }
        var decode = _decoding.GetOrAdd(bulletin.Sha256, sha => new Lazy<Task<IReadOnlyList<BulletinWaveform>>>(() => DecodeAsync(bulletin, sha)));
        var all = await decode.Value.WaitAsync(cancel);
        return all.First(w => w.Points == points);
    }

    /// <summary>Decodes once for every resolution (not cancelled by one requester leaving: others may be waiting).</summary>
    private async Task<IReadOnlyList<BulletinWaveform>> DecodeAsync(Bulletin bulletin, string sha256)
    {
        try
        {
            Interlocked.Increment(ref _decodes);
            var all = await Task.Run(() => WaveformPeaks.Compute(media.PathFor(bulletin.PlayoutSha256), sha256, bulletin.Frames, Resolutions));
            foreach (var waveform in all)
            {
                var path = CachePath(sha256, waveform.Points);
                var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
                await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(waveform, Json));
                File.Move(temp, path, overwrite: true);
                _memory.Set((sha256, waveform.Points), waveform);
            }
            return all;
        }
        finally
        {
            _decoding.TryRemove(sha256, out _);
        }
    }

    private async Task<BulletinWaveform?> ReadStoredAsync(string sha256, int points, CancellationToken cancel)
    {
        var path = CachePath(sha256, points);
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BulletinWaveform>(stream, Json, cancel) is { } found && found.Points == points ? found : null;
        }
        catch (JsonException e)
        {
            log.LogWarning(e, "Waveform cache {Path} is damaged; computing it again", path);
            return null;
        }
    }

    private string CachePath(string sha256, int points) =>
        Path.Combine(Path.GetDirectoryName(media.PathFor(sha256))!, $"{sha256}.waveform-{points}.json");
}
