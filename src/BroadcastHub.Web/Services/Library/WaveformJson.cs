using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services.Library;

/// <summary>The waveform endpoints' answer, shared by the page route and the API.</summary>
public static class WaveformJson
{
    /// <summary>
    /// <c>{ bulletinId, points, durationSeconds, min: [...], max: [...], warnings: [...] }</c>; refuses
    /// <paramref name="points"/> outside 16…4000 with <c>invalid_points</c>.
    /// </summary>
    public static async Task<object> ForAsync(Bulletin bulletin, int? points, WaveformCache waveforms, CancellationToken cancel)
    {
        var count = points ?? WaveformCache.DefaultPoints;
        if (count is < WaveformCache.MinPoints or > WaveformCache.MaxPoints)
            throw AppException.BadRequest("invalid_points", Text.Pick(
                $"Số điểm phải từ {WaveformCache.MinPoints} đến {WaveformCache.MaxPoints}.",
                $"points must be between {WaveformCache.MinPoints} and {WaveformCache.MaxPoints}."));
        var w = await waveforms.GetAsync(bulletin, count, cancel);
        return new { bulletinId = bulletin.Id, points = w.Points, durationSeconds = w.DurationSeconds, min = w.Min, max = w.Max, warnings = w.Warnings };
    }
}
