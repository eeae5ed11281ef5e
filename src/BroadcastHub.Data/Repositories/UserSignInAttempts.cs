using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>What counting one sign-in attempt did: whether it may be checked, and whether it locked the account.</summary>
public sealed record SignInAttempt(bool Allowed, int Failures, bool LockedNow);

/// <summary>Sign-in attempts counted in one conditional UPDATE, so parallel guesses cannot get more tries than the limit.</summary>
public sealed partial class UserRepository
{
    /// <summary>
    /// Counts an attempt before its password is checked, in one statement: a lock that has expired is forgotten first;
    /// an account still locked gets no attempt; the attempt that reaches <paramref name="maxFailures"/> locks the
    /// account until <paramref name="lockUntil"/>. A correct password then undoes the count (<see cref="RecordSuccess"/>).
    /// </summary>
    public SignInAttempt BeginSignInAttempt(long id, DateTimeOffset now, int maxFailures, DateTimeOffset lockUntil)
    {
        const string previous = "(CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 0 ELSE failed_sign_ins END)";
        using var c = db.Open();
        var row = c.QuerySingleOrDefault<(long Failures, string? LockedUntil)>(
            $"UPDATE users SET failed_sign_ins = {previous} + 1, " +
            $"locked_until = CASE WHEN {previous} + 1 >= @maxFailures THEN @lockUntil ELSE NULL END " +
            "WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now) RETURNING failed_sign_ins, locked_until",
            new { id, now = SqlValues.Instant(now), maxFailures, lockUntil = SqlValues.Instant(lockUntil) });
        return row == default ? new SignInAttempt(false, maxFailures, false) : new SignInAttempt(true, (int)row.Failures, row.LockedUntil is not null);
    }
}
