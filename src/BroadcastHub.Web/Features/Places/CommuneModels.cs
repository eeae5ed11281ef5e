using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Web.Features.Scheduling;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Create a unit or a commune: a name under an optional parent unit.</summary>
public sealed class PlaceForm
{
    public string? Name { get; set; }
    public long? ParentUnitId { get; set; }
}

/// <summary>Add a session (khung giờ phát) to a commune.</summary>
public sealed class SessionForm
{
    public List<string> Weekdays { get; set; } = [];
    public string? Start { get; set; }
    public string? LengthMinutes { get; set; }

    /// <summary>The blank form: every day, 05:30, 30 minutes.</summary>
    public static SessionForm Blank() => new() { Weekdays = ["1", "2", "3", "4", "5", "6", "7"], Start = "05:30:00", LengthMinutes = "30" };
}

/// <summary>The organisation tree with the create forms.</summary>
public sealed class CommunesPage
{
    public required IReadOnlyList<Unit> Units { get; init; }
    public required IReadOnlyList<Commune> Communes { get; init; }
    public bool IsAdmin { get; init; }
    public PlaceForm UnitForm { get; init; } = new();
    public PlaceForm CommuneForm { get; init; } = new();

    public IEnumerable<Unit> ChildUnits(long? parent) =>
        Units.Where(u => u.ParentUnitId == parent || (parent is null && u.ParentUnitId is { } p && Units.All(x => x.Id != p)));

    public IEnumerable<Commune> ChildCommunes(long? parent) =>
        Communes.Where(c => c.ParentUnitId == parent || (parent is null && c.ParentUnitId is { } p && Units.All(x => x.Id != p)));
}

/// <summary>One commune: its speaker clusters and sessions, with the add forms.</summary>
public sealed class CommuneDetailPage
{
    public required Commune Commune { get; init; }
    public string? ParentName { get; init; }
    public required IReadOnlyList<SpeakerCluster> Clusters { get; init; }
    public required IReadOnlyList<SessionSlot> Sessions { get; init; }
    public bool IsAdmin { get; init; }
    public string? ClusterName { get; init; }
    public SessionForm Session { get; init; } = SessionForm.Blank();
    /// <summary>What a refused programme form (underfill, jingles, one-off session) posted; null shows the stored settings.</summary>
    public ProgrammePost? Programme { get; init; }
}
