using BroadcastHub.Core.Scheduling;
using Microsoft.Extensions.Logging;
using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// Chooses what fills an occurrence's relay gaps: the commune's evergreen playlist (its airable bulletins, in order),
/// else the <c>FillBulletinId</c> bulletin, else silence. Each bulletin passes the checks a rundown item passes
/// (approved, valid that day, media present) and airs through the normal item chain (stored loudness → zone target).
/// </summary>
internal sealed class RelayFills(IPlayoutStore store, IPlayoutMedia media, RelayOptions options, PlayoutOptions playout, WaveFormat house, ILogger log)
{
    /// <summary>The fill of <paramref name="occ"/>'s relays.</summary>
    public async Task<RelayFill> ForAsync(Occurrence occ, CancellationToken cancel)
    {
        var target = PlayoutLoudness.For(playout, occ.ZoneId);
        var evergreen = await OpenAsync(store.EvergreenBulletins(occ.CommuneId), occ, target, cancel);
        if (evergreen.Count > 0) return new RelayFill(evergreen, house.SampleRate, house.Channels);
        if (options.FillBulletinId is { } id)
        {
            var fill = await OpenAsync([id], occ, target, cancel);
            if (fill.Count > 0) return new RelayFill(fill, house.SampleRate, house.Channels);
        }
        log.LogInformation("Occurrence {Id}: no evergreen playlist or fill bulletin to air; a relay stream outage airs silence", occ.Id);
        return RelayFill.Silence(house.SampleRate, house.Channels);
    }

    private async Task<List<Func<ISampleProvider>>> OpenAsync(IReadOnlyList<long> ids, Occurrence occ, Audio.Loudness.LoudnessTarget target, CancellationToken cancel)
    {
        var bulletins = store.Bulletins(ids);
        var opened = new List<Func<ISampleProvider>>();
        foreach (var id in ids)
        {
            if (!bulletins.TryGetValue(id, out var bulletin) || !bulletin.IsAirableOn(occ.LocalDate))
            {
                log.LogWarning("Relay fill bulletin {Id} is not approved or not valid on {Date}; left out of the fill", id, occ.LocalDate);
                continue;
            }
            var found = await media.ResolveAsync(bulletin.PlayoutSha256, cancel);
            if (found.Path is { } path) opened.Add(ItemChain.Open(path, house, bulletin.IntegratedLufs, bulletin.Channels, target));
            else log.LogWarning("Relay fill bulletin {Id} has no media here ({Error}); left out of the fill", id, found.Error);
        }
        return opened;
    }
}
