using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// The recording of what a relay aired (<c>air/relay/…/*.opus</c> under the data folder), for a user whose scope
/// covers the record's commune. Anything else (no such record, another centre's, no recording, deleted by retention,
/// aired by a station agent that keeps it locally, a stored path outside <c>air/relay</c>) is 404
/// <c>recording_not_found</c>.
/// </summary>
public sealed class AirtimeRecordings(AirtimeRecordingRepository recordings, UserScope scope, IOptions<BroadcastHubOptions> options)
{
    /// <summary>The recording's content type.</summary>
    public const string ContentType = "audio/ogg";

    /// <summary>The page's link to the recording of record <paramref name="airtimeId"/>.</summary>
    public static string PageUrl(long airtimeId) => $"/airtime/{airtimeId}/recording";

    /// <summary>The recording's full path, or 404 <c>recording_not_found</c>.</summary>
    public string FileOf(long airtimeId)
    {
        var found = recordings.Find(airtimeId);
        if (found is null || !scope.CoversCommune(found.CommuneId) || found.Path is not { Length: > 0 } relative) throw NotFound(airtimeId);
        var root = Path.Combine(options.Value.FullDataPath, "air", "relay") + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(options.Value.FullDataPath, relative.Replace('\\', '/')));
        if (Path.IsPathRooted(relative) || !full.StartsWith(root, StringComparison.Ordinal) || !full.EndsWith(".opus", StringComparison.Ordinal)
            || !File.Exists(full))
            throw NotFound(airtimeId);
        return full;
    }

    private static AppException NotFound(long id) =>
        new("recording_not_found", Msg.Get("ThereIsNoRelayRecordingFor", id));
}
