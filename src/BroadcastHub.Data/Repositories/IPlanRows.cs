namespace BroadcastHub.Data.Repositories;

/// <summary>The plan writer's two writes, in one engine's form (<see cref="SqlitePlanRows"/>, <see cref="PlanCommands"/>).</summary>
internal interface IPlanRows
{
    /// <summary>Inserts a new occurrence with its rundown; returns its id.</summary>
    long Insert(long sessionId, string date, string start, string end, IReadOnlyList<PlanItem> items);

    /// <summary>Moves an occurrence to other instants and replaces its rundown.</summary>
    void Reschedule(long id, string start, string end, IReadOnlyList<PlanItem> items);
}
