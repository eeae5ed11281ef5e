using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>Adding, changing, deleting and probing relay sources; every refusal leaves the sources as they were.</summary>
public sealed class RelaySourceService(
    RelaySourceRepository sources, RelayProbe probe, RelayProbeCache probes, IOptions<RelayHubOptions> options, AuditLog audit, StationClock clock)
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Every source, by name.</summary>
    public IReadOnlyList<RelaySource> List() => sources.List();

    /// <summary>The source or <c>relay_source_not_found</c>.</summary>
    public RelaySource Get(long id) => sources.Find(id) ?? throw NotFound(id);

    /// <summary>Adds a source (<c>relay_name_required</c>, <c>relay_url_invalid</c>, <c>relay_name_taken</c>, <c>ffmpeg_missing</c>…).</summary>
    public RelaySource Create(string? name, string? url, string user)
    {
        var (cleanName, uri) = Check(name, url);
        var created = sources.Add(cleanName, uri.AbsoluteUri) ?? throw NameTaken(cleanName);
        audit.Record(user, "relay_source.create", "relay_source", created.Id, new { created.Name, created.Url });
        return created;
    }

    /// <summary>Renames or repoints a source.</summary>
    public RelaySource Update(long id, string? name, string? url, string user)
    {
        var (cleanName, uri) = Check(name, url);
        switch (sources.Update(id, cleanName, uri.AbsoluteUri))
        {
            case RelaySourceChange.NotFound: throw NotFound(id);
            case RelaySourceChange.NameTaken: throw NameTaken(cleanName);
        }
        probes.Forget(id);
        audit.Record(user, "relay_source.update", "relay_source", id, new { Name = cleanName, Url = uri.AbsoluteUri });
        return Get(id);
    }

    /// <summary>
    /// Deletes a source (soft: what was planned or aired still names it); 409 <c>relay_source_in_use</c> while bookings
    /// not yet ended or occurrences not yet aired still relay it.
    /// </summary>
    public void Delete(long id, string user)
    {
        var (bookings, occurrences) = Uses(id);
        if (bookings > 0 || occurrences > 0)
            throw new AppException(InUse, Msg.Get("TheSourceIsInUseBooking", bookings, occurrences));
        if (!sources.Delete(id)) throw NotFound(id);
        probes.Forget(id);
        audit.Record(user, "relay_source.delete", "relay_source", id);
    }

    /// <summary>The code of a refused delete of a source still in use.</summary>
    public const string InUse = "relay_source_in_use";

    /// <summary>How many bookings not yet ended, and occurrences not yet aired, still relay the source.</summary>
    public (int Bookings, int Occurrences) Uses(long id) => sources.Uses(id, clock.Today, clock.UtcNow);

    /// <summary>Probes a stored source (afresh; bookings then reuse the answer for a while).</summary>
    public Task<RelayProbeResult> ProbeAsync(long id, CancellationToken cancel)
    {
        var source = Get(id);
        probe.RequireFfmpeg();
        return probes.ProbeNowAsync(source, cancel);
    }

    private (string Name, Uri Url) Check(string? name, string? url)
    {
        var cleanName = (name ?? "").Trim();
        if (cleanName.Length == 0)
            throw new AppException("relay_name_required", Msg.Get("GiveTheRelaySourceAName"));
        if (cleanName.Length > MaxNameLength)
            throw new AppException("relay_name_too_long", Msg.Get("TheNameIsLongerThanCharacters", MaxNameLength));
        var uri = RelayUrl.Check(url, options.Value.AllowPrivateAddresses);
        probe.RequireFfmpeg();
        return (cleanName, uri);
    }

    private static AppException NotFound(long id) =>
        new("relay_source_not_found", Msg.Get("ThereIsNoRelaySource", id));

    private static AppException NameTaken(string name) =>
        new("relay_name_taken", Msg.Get("ARelaySourceNamedAlreadyExists", name));
}
