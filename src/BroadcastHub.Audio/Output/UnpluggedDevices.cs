using System.Collections.Concurrent;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// The drill devices (<c>unplug-after:</c>) that have been pulled out, by spec. One instance lives as long as the
/// outputs that share it (the station's zone outputs), so an unplugged device stays unplugged until the process restarts.
/// </summary>
public sealed class UnpluggedDevices
{
    private readonly ConcurrentDictionary<string, byte> specs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="spec"/> has been unplugged.</summary>
    public bool Contains(string spec) => specs.ContainsKey(spec);

    /// <summary>Marks <paramref name="spec"/> unplugged.</summary>
    public void Add(string spec) => specs.TryAdd(spec, 0);
}
