using System.Security.Claims;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Builds a bulletin's page (figures, warnings, history, whether the user may review it).</summary>
public sealed class BulletinPages(BulletinHistory history, UserScope scope, IOptions<PlayoutOptions> playout)
{
    /// <summary>The page of <paramref name="bulletin"/> as <paramref name="user"/> sees it.</summary>
    public BulletinDetailPage For(Bulletin bulletin, ClaimsPrincipal user) =>
        new(bulletin, history.For(bulletin),
            BulletinFigureWarnings.For(bulletin, PlayoutLoudness.For(playout.Value)),
            (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor)) && scope.MayReview(bulletin));
}
