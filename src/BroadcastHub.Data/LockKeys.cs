namespace BroadcastHub.Data;

/// <summary>PostgreSQL advisory lock keys shared by every hub node (arbitrary constants, one per serialised concern).</summary>
public static class LockKeys
{
    /// <summary>Held while migrations run, so nodes starting together apply each migration once.</summary>
    public const long Migrations = 0x4248_0001;

    /// <summary>Held by each airtime append, so the hash chain stays one chain under appends from several nodes.</summary>
    public const long AirtimeChain = 0x4248_0002;

    /// <summary>Held by each plan-writing transaction, so two planners never rewrite the same occurrences at once.</summary>
    public const long PlanWriter = 0x4248_0003;
}
