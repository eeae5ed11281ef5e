using System.Collections.Concurrent;
using BroadcastHub.Core.Relay;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>What a probe of a source said: what it found, or the refusal's code and message.</summary>
/// <param name="Result">The audio found; null when refused.</param>
/// <param name="Code">The refusal's code (<c>relay_unreachable</c>, <c>relay_not_audio</c>…); null when found.</param>
/// <param name="Message">The refusal's message.</param>
public sealed record RelayProbeOutcome(RelayProbeResult? Result, string? Code, string? Message);

/// <summary>
/// The booking-time probe of a source, its answer kept for <c>BroadcastHub:Relay:BookingProbeCacheSeconds</c> per source
/// and URL, so a batch of bookings probes a source once; callers at the same time share one probe. A change of the
/// source's URL (or an Admin's probe, which always probes afresh and then is the answer kept) replaces it.
/// </summary>
public sealed class RelayProbeCache(RelayProbe probe, IOptions<RelayHubOptions> options, TimeProvider time)
{
    // Lazy: AddOrUpdate may build an entry it then throws away; only the entry kept starts ffprobe.
    private sealed record Entry(string Url, DateTimeOffset Until, Lazy<Task<RelayProbeOutcome>> Outcome);

    private readonly ConcurrentDictionary<long, Entry> _entries = new();

    /// <summary>The probe's outcome for a booking (<c>BookingProbeTimeoutSeconds</c>); a cached one when still fresh.</summary>
    public async Task<RelayProbeOutcome> ForBookingAsync(RelaySource source, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(source.Id,
            _ => Start(source, now),
            (_, old) => old.Url == source.Url && old.Until > now ? old : Start(source, now));
        try
        {
            return await entry.Outcome.Value.WaitAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            _entries.TryRemove(KeyValuePair.Create(source.Id, entry));
            throw;
        }
    }

    /// <summary>An Admin's probe: always afresh (<c>ProbeTimeoutSeconds</c>); its outcome is kept for bookings.</summary>
    public async Task<RelayProbeResult> ProbeNowAsync(RelaySource source, CancellationToken cancel)
    {
        var outcome = await Outcome(source.Url, TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds), cancel);
        Keep(source, time.GetUtcNow(), outcome);
        return outcome.Result ?? throw new AppException(outcome.Code!, outcome.Message!);
    }

    /// <summary>Drops what is kept for <paramref name="sourceId"/> (its URL changed, or it was deleted).</summary>
    public void Forget(long sourceId) => _entries.TryRemove(sourceId, out _);

    private Entry Start(RelaySource source, DateTimeOffset now) =>
        new(source.Url, now.AddSeconds(options.Value.BookingProbeCacheSeconds),
            new Lazy<Task<RelayProbeOutcome>>(() => Outcome(source.Url, TimeSpan.FromSeconds(options.Value.BookingProbeTimeoutSeconds), CancellationToken.None)));

    private void Keep(RelaySource source, DateTimeOffset now, RelayProbeOutcome outcome) =>
        _entries[source.Id] = new Entry(source.Url, now.AddSeconds(options.Value.BookingProbeCacheSeconds), new(Task.FromResult(outcome)));

    // A shared probe is not cancelled by one caller going away; it is bounded by its own timeout.
    private async Task<RelayProbeOutcome> Outcome(string url, TimeSpan timeout, CancellationToken cancel)
    {
        try
        {
            return new RelayProbeOutcome(await probe.ProbeAsync(new Uri(url), timeout, cancel), null, null);
        }
        catch (AppException e) when (e.Code.StartsWith("relay_", StringComparison.Ordinal))
        {
            return new RelayProbeOutcome(null, e.Code, e.Message);
        }
    }
}
