using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Places;

/// <summary>The communes pages (/communes and /communes/{id}) with a refused form refilled, and the speaker clusters added there.</summary>
public sealed class CommunePages(PlacesService service, PlacesRepository places, SessionRepository sessions, UserScope scope)
{
    /// <summary>The organisation tree the user sees, with the two creation forms.</summary>
    public CommunesPage Tree(bool isAdmin, PlaceForm unit, PlaceForm commune) => new()
    {
        Units = scope.Units, Communes = scope.Communes, IsAdmin = isAdmin, UnitForm = unit, CommuneForm = commune,
    };

    /// <summary>The page of commune <paramref name="id"/> (404 <c>commune_not_found</c> outside the user's scope).</summary>
    public CommuneDetailPage Detail(long id, bool isAdmin, string? clusterName = null, SessionForm? session = null, ProgrammePost? programme = null)
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

    /// <summary>The sessions of one commune (404 outside the user's scope) or of every commune in scope.</summary>
    public IEnumerable<SessionSlot> Sessions(long? communeId)
    {
        if (communeId is { } id) service.FindCommune(id);
        return sessions.List(communeId).Where(s => scope.CoversCommune(s.CommuneId));
    }

    /// <summary>Adds a speaker cluster (cụm loa) to a commune in the user's scope; returns its trimmed name.</summary>
    public string AddCluster(long communeId, string? name)
    {
        var commune = service.FindCommune(communeId);
        var clean = name?.Trim();
        if (string.IsNullOrEmpty(clean))
            throw new AppException("name_required", Msg.Get("EnterTheClusterName"));
        if (clean.Length > 200)
            throw new AppException("name_too_long", Msg.Get("TheNameIsLongerThan200"));
        places.AddCluster(commune.Id, clean);
        return clean;
    }
}
