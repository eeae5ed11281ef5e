using System.Globalization;
using System.Security.Claims;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Infrastructure.Auth;

/// <summary>The claims BroadcastHub puts in a sign-in beside the user id, name and role.</summary>
public static class AuthClaims
{
    /// <summary>The user's security stamp when it signed in; a different stamp now ends the sign-in.</summary>
    public const string Stamp = "bh:stamp";
    /// <summary>Present while the user must change its password before doing anything else.</summary>
    public const string MustChangePassword = "bh:must-change-password";
    /// <summary>When the sign-in was made (Unix seconds): the absolute lifetime counts from here.</summary>
    public const string SignedInAt = "bh:signed-in-at";

    /// <summary>The claims identity of <paramref name="user"/>, signed in at <paramref name="signedInAt"/>.</summary>
    public static ClaimsPrincipal PrincipalFor(UserAccount user, string scheme, DateTimeOffset signedInAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role),
            new(Stamp, user.SecurityStamp),
            new(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (user.MustChangePassword) claims.Add(new Claim(MustChangePassword, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>When <paramref name="principal"/> signed in, or null for a sign-in made before this claim existed.</summary>
    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
