namespace BroadcastHub.Web.Tests.Security;

/// <summary>The least role a route needs.</summary>
public enum Need
{
    /// <summary>Reachable without signing in.</summary>
    Anonymous,
    /// <summary>Any signed-in user (Admin, Supervisor, Operator).</summary>
    Staff,
    /// <summary>Admin or Supervisor.</summary>
    Approver,
    /// <summary>Admin only.</summary>
    Admin,
}

/// <summary>
/// A request of the scope table, built from the seeded world: <c>Form</c> posts a page form (with its antiforgery token),
/// <c>Json</c> an API body, <c>Playlist</c> an <c>.m3u8</c> body.
/// </summary>
public sealed record Probe(string Method, string Url, object? Json = null, IReadOnlyList<(string Name, string Value)>? Form = null, string? Playlist = null)
{
    /// <summary>Statuses that count as refused: 404 (or 403) for another unit's id in the path.</summary>
    public IReadOnlyList<int> Refusals { get; init; } = [403, 404];

    /// <summary>For another unit's id in a body field: refused exactly as a missing one would be (400 …_not_found).</summary>
    public Probe AsBodyReference() => this with { Refusals = [400, 403, 404] };
}

/// <summary>What the scope table checks on a route for a user of unit A.</summary>
public abstract record ScopeCheck
{
    /// <summary>The route touches B's data: refused, and nothing of B in the body.</summary>
    public sealed record Foreign(Func<ScopeWorld, Probe> Probe) : ScopeCheck;

    /// <summary>A list: 200, filtered silently, nothing of B in the body.</summary>
    public sealed record Listed(Func<ScopeWorld, string> Url) : ScopeCheck;

    /// <summary>The route holds no unit data (the caller's own account, the language, Hangfire, health); the reason says why.</summary>
    public sealed record Unscoped(string Reason) : ScopeCheck;
}

/// <summary>A route's classification: the role it needs and how the scope applies to it.</summary>
public sealed record RouteRule(Need Need, params ScopeCheck[] Checks);
