using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Builds each commune's <see cref="ProgrammeFill"/> for the planner: settings and bulletins in a few queries.</summary>
public sealed class ProgrammeFills(CommuneProgrammeRepository programmes, BulletinRepository bulletins)
{
    /// <summary>The fill of every commune that set a programme; communes without one get <see cref="ProgrammeFill.None"/>.</summary>
    public Func<long, ProgrammeFill> Load()
    {
        var all = programmes.ListProgrammes();
        if (all.Count == 0) return _ => ProgrammeFill.None;
        var library = bulletins.FindMany(all.Values.SelectMany(p => p.BulletinIds).Distinct());
        var durations = library.ToDictionary(b => b.Key, b => b.Value.DurationSeconds);
        bool AirableOn(long id, DateOnly date) => library.TryGetValue(id, out var b) && b.IsAirableOn(date);
        var fills = all.ToDictionary(p => p.Key, p => new ProgrammeFill(p.Value, durations, AirableOn));
        return communeId => fills.GetValueOrDefault(communeId) ?? ProgrammeFill.None;
    }
}
