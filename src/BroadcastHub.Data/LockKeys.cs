namespace BroadcastHub.Data;

/// <summary>PostgreSQL advisory lock keys shared by every hub node (arbitrary constants, one per serialised concern).</summary>
public static class LockKeys
{
    /// <summary>Held while migrations run, so nodes starting together apply each migration once.</summary>
    public const long Migrations = 0x4248_0001;

    /// <summary>Held by each airtime append, so the hash chain stays one chain under appends from several nodes.</summary>
    public const long AirtimeChain = 0x4248_0002;

    /// <summary>
    /// With a block number of session ids as the second key (<c>pg_advisory_xact_lock(int, int)</c>, a key space apart
    /// from the single keys above): held by each plan-writing transaction of sessions of that block
    /// (<c>OccurrencePlanWriter.SessionsPerBlock</c>), so two planners never rewrite the same occurrences at once. Until
    /// 2026-12-07 one key for all sessions (0x4248_0003 as a single key): a node of an older version does not wait for
    /// these — stop old nodes before starting new ones (docs/operations.md).
    /// </summary>
    public const int PlanWriterSessions = 0x4248_0003;
}
