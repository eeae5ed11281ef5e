using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>A user account as stored (the password only as a hash).</summary>
public sealed record UserAccount(long Id, string UserName, string PasswordHash, string Role, long? UnitId, int FailedSignIns, DateTimeOffset? LockedUntil);

/// <summary>A user as listed to administrators: no password hash.</summary>
public sealed record UserListing(long Id, string UserName, string Role, long? UnitId, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil);

/// <summary>User accounts.</summary>
public sealed class UserRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(long Id, string UserName, string PasswordHash, string Role, long? UnitId, long FailedSignIns, string? LockedUntil)
    {
        public UserAccount ToAccount() => new(Id, UserName, PasswordHash, Role, UnitId, (int)FailedSignIns, SqlValues.ParseInstantOrNull(LockedUntil));
    }

    private sealed record ListRow(long Id, string UserName, string Role, long? UnitId, string CreatedAt, string? LockedUntil);

    private const string Select =
        "SELECT id, user_name AS UserName, password_hash AS PasswordHash, role, unit_id AS UnitId, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil FROM users";

    /// <summary>Creates a user; the caller hashes the password.</summary>
    public UserAccount Create(string userName, string passwordHash, string role, long? unitId)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            "INSERT INTO users (user_name, password_hash, role, unit_id, created_at) VALUES (@userName, @passwordHash, @role, @unitId, @now) RETURNING id",
            new { userName, passwordHash, role, unitId, now = SqlValues.Instant(time.GetUtcNow()) });
        return new UserAccount(id, userName, passwordHash, role, unitId, 0, null);
    }

    /// <summary>Finds a user by name (case-insensitive).</summary>
    public UserAccount? FindByName(string userName)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE user_name = @userName", new { userName })?.ToAccount();
    }

    /// <summary>Finds a user by id.</summary>
    public UserAccount? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id })?.ToAccount();
    }

    /// <summary>All users, by name.</summary>
    public IReadOnlyList<UserListing> List()
    {
        using var c = db.Open();
        return c.Query<ListRow>(
                "SELECT id, user_name AS UserName, role, unit_id AS UnitId, created_at AS CreatedAt, locked_until AS LockedUntil FROM users ORDER BY user_name COLLATE NOCASE")
            .Select(r => new UserListing(r.Id, r.UserName, r.Role, r.UnitId, SqlValues.ParseInstant(r.CreatedAt), SqlValues.ParseInstantOrNull(r.LockedUntil)))
            .ToList();
    }

    /// <summary>True when no user exists yet (first start).</summary>
    public bool IsEmpty()
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM users") == 0;
    }

    /// <summary>Records the outcome of a sign-in attempt: resets or counts failures and sets the lockout.</summary>
    public void RecordSignIn(long id, bool succeeded, DateTimeOffset? lockUntil)
    {
        using var c = db.Open();
        c.Execute(succeeded
            ? "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id"
            : "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, locked_until = @lockUntil WHERE id = @id",
            new { id, lockUntil = SqlValues.Instant(lockUntil) });
    }

    /// <summary>Replaces a user's password hash.</summary>
    public void SetPasswordHash(long id, string hash)
    {
        using var c = db.Open();
        c.Execute("UPDATE users SET password_hash = @hash WHERE id = @id", new { id, hash });
    }
}
