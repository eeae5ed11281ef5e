using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Reads the commune page (/communes/{id}) for the controllers that show it, with a refused form refilled.</summary>
internal static class CommuneDetailReader
{
    /// <summary>The page of commune <paramref name="id"/> (404 <c>commune_not_found</c> outside the user's scope).</summary>
    public static CommuneDetailPage Read(PlacesService service, PlacesRepository places, SessionRepository sessions, long id, bool isAdmin,
        string? clusterName = null, SessionForm? session = null, ProgrammePost? programme = null)
    {
        var commune = service.FindCommune(id);
        return new CommuneDetailPage
        {
            Commune = commune,
            ParentName = commune.ParentUnitId is { } p ? places.FindUnit(p)?.Name : null,
            Clusters = places.ListClusters(id),
            Sessions = sessions.List(id).OrderBy(s => s.Start).ToList(),
            IsAdmin = isAdmin,
            ClusterName = clusterName,
            Session = session ?? SessionForm.Blank(),
            Programme = programme,
        };
    }
}
