using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the hashed API tokens.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var user = accounts.FindByToken(header["Bearer ".Length..].Trim());
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("invalid or expired token")
            : AuthenticateResult.Success(new AuthenticationTicket(AccountService.PrincipalFor(user, SchemeName), SchemeName)));
    }
}
