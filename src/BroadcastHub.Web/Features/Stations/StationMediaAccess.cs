using System.Text.RegularExpressions;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>Media a station may fetch: only files its own manifest (over the longest horizon) references.</summary>
public sealed partial class StationMediaAccess(StationManifestBuilder manifests, MediaStore media)
{
    /// <summary>The stored file of <paramref name="sha256"/> (<c>invalid_sha256</c>, <c>media_not_found</c>).</summary>
    public string PathFor(long stationId, string sha256)
    {
        if (!Sha256Form().IsMatch(sha256))
            throw new AppException("invalid_sha256", Msg.Get("AHashIsExactly64Lowercase"));
        if (!manifests.MediaOf(stationId).Contains(sha256) || !media.Exists(sha256))
            throw new AppException("media_not_found", Msg.Get("NoMediaWithThisHashIs"));
        return media.PathFor(sha256);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Form();
}
