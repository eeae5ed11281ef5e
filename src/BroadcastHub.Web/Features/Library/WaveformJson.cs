using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Library;

/// <summary>The waveform endpoints' answer, shared by the page route and the API.</summary>
public static class WaveformJson
{
    /// <summary>
    /// <c>{ bulletinId, points, durationSeconds, min: [...], max: [...], warnings: [...] }</c>; refuses
    /// <paramref name="points"/> other than 200, 600 or 2000 with <c>invalid_points</c>.
    /// </summary>
    public static async Task<object> ForAsync(Bulletin bulletin, int? points, WaveformCache waveforms, CancellationToken cancel)
    {
        var count = points ?? WaveformCache.DefaultPoints;
        var offered = string.Join(", ", WaveformCache.Resolutions);
        if (!WaveformCache.Resolutions.Contains(count))
            throw new AppException("invalid_points", Msg.Get("PointsMustBeOneOf", offered));
        var w = await waveforms.GetAsync(bulletin, count, cancel);
        return new { bulletinId = bulletin.Id, points = w.Points, durationSeconds = w.DurationSeconds, min = w.Min, max = w.Max, warnings = w.Warnings };
    }
}
