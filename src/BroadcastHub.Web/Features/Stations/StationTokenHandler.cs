using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// Authenticates a station agent's <c>Authorization: Bearer bhst_…</c> against the hashed credentials of enrolled
/// stations. The principal carries only the station id; it has no user, no role and no unit scope.
/// </summary>
public sealed class StationTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StationAgentRepository agents)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StationToken";
    public const string TokenPrefix = "bhst_";
    public const string StationIdClaim = "bh:station-id";
    public const string Policy = "StationAgent";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiTokenHandler.BearerToken(Request) is not { } token || !IsStationToken(token))
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(StationOf(token) is { } stationId
            ? AuthenticateResult.Success(new AuthenticationTicket(PrincipalFor(stationId), SchemeName))
            : AuthenticateResult.Fail("unknown or revoked station token"));
    }

    /// <summary>A station token that is unknown or revoked gets its own code, so the agent's log says what to fix.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (ApiTokenHandler.BearerToken(Request) is not { } token || !IsStationToken(token) || Response.HasStarted)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new Infrastructure.Errors.ApiError(InvalidTokenCode, Msg.Get("TheStationTokenIsUnknownOr")));
    }

    public const string InvalidTokenCode = "station_token_invalid";

    /// <summary>True when <paramref name="token"/> has the form of a station token (not a user's).</summary>
    public static bool IsStationToken(string token) => token.StartsWith(TokenPrefix, StringComparison.Ordinal);

    /// <summary>A new random station token (32 bytes, base64url, with the station prefix).</summary>
    public static string NewToken() =>
        TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The station whose stored hash matches; every stored hash is compared in constant time.</summary>
    private long? StationOf(string token)
    {
        var hash = Convert.FromHexString(AccountService.HashToken(token));
        long? found = null;
        foreach (var (stationId, stored) in agents.Credentials())
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(stored)))
                found = stationId;
        return found;
    }

    private static ClaimsPrincipal PrincipalFor(long stationId) => new(new ClaimsIdentity(
        [new Claim(StationIdClaim, stationId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, $"station-{stationId}")],
        SchemeName));

    /// <summary>The station of a station principal, or null for anyone else.</summary>
    public static long? StationIdOf(ClaimsPrincipal user) =>
        user.FindFirst(StationIdClaim)?.Value is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
