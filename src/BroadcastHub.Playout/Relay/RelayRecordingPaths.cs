using System.Globalization;

namespace BroadcastHub.Playout.Relay;

/// <summary>Where relay recordings go: <c>&lt;data&gt;/air/relay/yyyy/MM/dd/occ&lt;id&gt;-p&lt;position&gt;.opus</c>.</summary>
public static class RelayRecordingPaths
{
    /// <summary>The folder under the recordings folder (<c>air/</c>) that holds relay recordings.</summary>
    public const string Folder = "relay";

    /// <summary>The relay recordings folder under <paramref name="recordingsPath"/> (the data folder's <c>air/</c>).</summary>
    public static string Root(string recordingsPath) => Path.Combine(recordingsPath, Folder);

    /// <summary>
    /// The recording of the relay at <paramref name="position"/> in occurrence <paramref name="occurrenceId"/>, dated by
    /// the station's local day <paramref name="day"/>.
    /// </summary>
    public static string For(string recordingsPath, DateOnly day, long occurrenceId, int position) =>
        Path.Combine(Root(recordingsPath), day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture),
            day.ToString("dd", CultureInfo.InvariantCulture), $"occ{occurrenceId.ToString(CultureInfo.InvariantCulture)}-p{position.ToString(CultureInfo.InvariantCulture)}.opus");
}
