using BroadcastHub.Core.Airtime;

namespace BroadcastHub.Playout;

/// <summary>The one durable write of an airtime record; a seam so tests can make the database refuse it.</summary>
public interface IAirtimeAppend
{
    /// <summary>Appends the record; false when it is already recorded. Throws when the database refuses the write.</summary>
    bool TryAppend(AirtimeRecord record);
}

/// <summary>Signs a checkpoint of the airtime chain's head when one is due; a host without checkpoints does nothing.</summary>
public interface IAirtimeCheckpoint
{
    /// <summary>Signs one when <paramref name="everyRecords"/> records or <paramref name="every"/> passed since the last.</summary>
    void SignIfDue(int everyRecords, TimeSpan every);
}
