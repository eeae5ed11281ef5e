namespace BroadcastHub.Web.Infrastructure.Auth;

/// <summary>Sign-in settings, bound from <c>BroadcastHub:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "BroadcastHub:Auth";

    /// <summary>Hours a page sign-in lasts at most, however active the user is (the idle limit is shorter).</summary>
    public double CookieAbsoluteHours { get; set; } = 12;

    /// <summary>
    /// The first administrator's password (from the environment or printed at first start) must be changed at first
    /// sign-in. Only automated test rigs that never expose the app turn this off.
    /// </summary>
    public bool RequireFirstPasswordChange { get; set; } = true;

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed; empty: the
    /// headers are ignored (the app is reached directly).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
