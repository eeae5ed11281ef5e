using System.Globalization;
using System.Security.Claims;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>The signed-in user's account, read fresh from the database (role and unit as stored now).</summary>
public static class CurrentUser
{
    /// <summary>The account behind <paramref name="principal"/>; refuses with 401 when it no longer exists.</summary>
    public static UserAccount Of(ClaimsPrincipal principal, UserRepository users)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && users.Find(userId) is { } user) return user;
        throw new AppException("not_signed_in", Msg.Get("TheSessionIsNoLongerValid"));
    }
}
