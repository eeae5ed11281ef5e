namespace BroadcastHub.Core.Places;

/// <summary>
/// A station PC (máy phát tại đài): it owns the audio outputs of the zones assigned to it and takes their arm jobs
/// from its own queue, so a hub can plan for many stations while each plays only its own communes.
/// </summary>
public sealed record Station(long Id, string Name)
{
    /// <summary>The station of the embedded deployment; zones not assigned elsewhere belong to it.</summary>
    public const long MainId = 1;

    /// <summary>The Hangfire queue that carries this station's arm jobs.</summary>
    public string Queue => QueueOf(Id);

    /// <summary>The queue name of station <paramref name="stationId"/> (Hangfire allows lowercase, digits, dashes).</summary>
    public static string QueueOf(long stationId) => $"station-{stationId}";
}
