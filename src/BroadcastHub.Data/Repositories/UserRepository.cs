using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>A user account as stored (the password only as a hash).</summary>
public sealed record UserAccount(
    long Id, string UserName, string PasswordHash, string Role, long? UnitId, int FailedSignIns, DateTimeOffset? LockedUntil,
    bool MustChangePassword = false, DateTimeOffset? DisabledAt = null, string SecurityStamp = "")
{
    /// <summary>True when the account may not sign in at all.</summary>
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A user as listed to administrators: no password hash.</summary>
public sealed record UserListing(
    long Id, string UserName, string Role, long? UnitId, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil, DateTimeOffset? DisabledAt = null);

/// <summary>User accounts.</summary>
public sealed partial class UserRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(
        long Id, string UserName, string PasswordHash, string Role, long? UnitId, long FailedSignIns, string? LockedUntil,
        long MustChangePassword, string? DisabledAt, string SecurityStamp)
    {
        public UserAccount ToAccount() => new(Id, UserName, PasswordHash, Role, UnitId, (int)FailedSignIns, SqlValues.ParseInstantOrNull(LockedUntil),
            MustChangePassword != 0, SqlValues.ParseInstantOrNull(DisabledAt), SecurityStamp);
    }

    private sealed record ListRow(long Id, string UserName, string Role, long? UnitId, string CreatedAt, string? LockedUntil, string? DisabledAt);

    private const string Select =
        "SELECT id, user_name AS UserName, password_hash AS PasswordHash, role, unit_id AS UnitId, failed_sign_ins AS FailedSignIns, " +
        "locked_until AS LockedUntil, must_change_password AS MustChangePassword, disabled_at AS DisabledAt, security_stamp AS SecurityStamp FROM users";

    /// <summary>Creates a user; the caller hashes the password.</summary>
    public UserAccount Create(string userName, string passwordHash, string role, long? unitId, bool mustChangePassword = false)
    {
        using var c = db.Open();
        var stamp = NewStamp();
        var id = c.ExecuteScalar<long>(
            "INSERT INTO users (user_name, password_hash, role, unit_id, created_at, must_change_password, security_stamp) " +
            "VALUES (@userName, @passwordHash, @role, @unitId, @now, @mustChangePassword, @stamp) RETURNING id",
            new { userName, passwordHash, role, unitId, now = SqlValues.Instant(time.GetUtcNow()), mustChangePassword = mustChangePassword ? 1L : 0L, stamp });
        return new UserAccount(id, userName, passwordHash, role, unitId, 0, null, mustChangePassword, null, stamp);
    }

    /// <summary>Finds a user by name (case-insensitive).</summary>
    public UserAccount? FindByName(string userName)
    {
        using var c = db.Open();
        var where = db.Dialect.IsPostgres
            ? " WHERE lower(user_name) = lower(@userName)"   // the unique index on lower(user_name) stands for NOCASE
            : " WHERE user_name = @userName";                // the column is COLLATE NOCASE
        return c.QuerySingleOrDefault<Row>(Select + where, new { userName })?.ToAccount();
    }

    /// <summary>Finds a user by id (read on every request that carries a sign-in: cached until the database changes).</summary>
    public UserAccount? Find(long id) => db.Cache.Get($"user|{id}", () => new Found(FindNow(id))).Account;

    private UserAccount? FindNow(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id })?.ToAccount();
    }

    private sealed record Found(UserAccount? Account);

    /// <summary>All users, by name.</summary>
    public IReadOnlyList<UserListing> List()
    {
        using var c = db.Open();
        return c.Query<ListRow>(
                "SELECT id, user_name AS UserName, role, unit_id AS UnitId, created_at AS CreatedAt, locked_until AS LockedUntil, disabled_at AS DisabledAt " +
                "FROM users ORDER BY " + (db.Dialect.IsPostgres ? "lower(user_name), user_name" : "user_name COLLATE NOCASE"))
            .Select(r => new UserListing(r.Id, r.UserName, r.Role, r.UnitId, SqlValues.ParseInstant(r.CreatedAt),
                SqlValues.ParseInstantOrNull(r.LockedUntil), SqlValues.ParseInstantOrNull(r.DisabledAt)))
            .ToList();
    }

    /// <summary>True when no user exists yet (first start).</summary>
    public bool IsEmpty()
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM users") == 0;
    }

    /// <summary>How many enabled users hold one of <paramref name="roles"/>.</summary>
    public int CountActive(IReadOnlyCollection<string> roles)
    {
        using var c = db.Open();
        return c.ExecuteScalar<int>("SELECT COUNT(*) FROM users WHERE disabled_at IS NULL AND " + db.Dialect.In("role", "@roles"), new { roles = roles.ToArray() });
    }

    /// <summary>Resets the failure count and lockout after a correct password.</summary>
    public void RecordSuccess(long id)
    {
        using var c = db.Open();
        c.Execute("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id", new { id });
    }

    /// <summary>Replaces a user's password hash.</summary>
    public void SetPasswordHash(long id, string hash)
    {
        using var c = db.Open();
        c.Execute("UPDATE users SET password_hash = @hash WHERE id = @id", new { id, hash });
    }

    /// <summary>
    /// Sets a new password hash, whether it must be changed at the next sign-in, clears the lockout and changes the security
    /// stamp, so every sign-in made before ends.
    /// </summary>
    public string ReplacePassword(long id, string hash, bool mustChange)
    {
        using var c = db.Open();
        var stamp = NewStamp();
        c.Execute(
            "UPDATE users SET password_hash = @hash, must_change_password = @mustChange, failed_sign_ins = 0, locked_until = NULL, " +
            "security_stamp = @stamp WHERE id = @id",
            new { id, hash, mustChange = mustChange ? 1L : 0L, stamp });
        return stamp;
    }

    /// <summary>Disables (<paramref name="disabled"/>) or enables a user; disabling also changes the security stamp.</summary>
    public void SetDisabled(long id, bool disabled)
    {
        using var c = db.Open();
        c.Execute(disabled
                ? "UPDATE users SET disabled_at = COALESCE(disabled_at, @now), security_stamp = @stamp WHERE id = @id"
                : "UPDATE users SET disabled_at = NULL WHERE id = @id",
            new { id, now = SqlValues.Instant(time.GetUtcNow()), stamp = NewStamp() });
    }

    /// <summary>Lifts a lockout and forgets the failures.</summary>
    public void Unlock(long id) => RecordSuccess(id);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
