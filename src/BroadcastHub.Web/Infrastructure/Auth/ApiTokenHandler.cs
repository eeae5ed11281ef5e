using System.Text.Encodings.Web;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the hashed API tokens of enabled users.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token || StationTokenHandler.IsStationToken(token)) return Task.FromResult(AuthenticateResult.NoResult());
        var user = accounts.FindByToken(token);
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("invalid or expired token")
            : AuthenticateResult.Success(new AuthenticationTicket(accounts.PrincipalFor(user, SchemeName), SchemeName)));
    }

    /// <summary>The bearer token of <paramref name="request"/>, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
