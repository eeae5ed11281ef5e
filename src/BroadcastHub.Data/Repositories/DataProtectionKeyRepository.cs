using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The data-protection key ring as rows (one XML element per key or revocation), read by every hub node. Elements are
/// never changed once written; storing one under a name already present replaces it.
/// </summary>
public sealed class DataProtectionKeyRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>Every stored element's XML, oldest first.</summary>
    public IReadOnlyList<string> All()
    {
        using var c = db.Open();
        return c.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name").ToList();
    }

    /// <summary>Stores one element under its friendly name.</summary>
    public void Store(string name, string xml)
    {
        using var c = db.Open();
        c.Execute("""
            INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @now)
            ON CONFLICT (name) DO UPDATE SET xml = excluded.xml
            """, new { name, xml, now = SqlValues.Instant(time.GetUtcNow()) });
    }
}
