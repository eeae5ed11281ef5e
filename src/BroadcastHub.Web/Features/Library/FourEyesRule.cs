using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>Four eyes (<c>BroadcastHub:Approval:FourEyes</c>, on by default): whoever uploaded a bulletin cannot approve it.</summary>
public sealed class FourEyesRule(IOptions<ApprovalOptions> options, UserRepository users)
{
    public const string Code = "four_eyes";

    /// <summary>True when <paramref name="reviewer"/> may not approve <paramref name="bulletin"/> because it uploaded it.</summary>
    public bool Forbids(Bulletin bulletin, string? reviewer) =>
        options.Value.FourEyes && string.Equals(bulletin.UploadedBy, reviewer, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bulletin, or 403 <c>four_eyes</c> when the reviewer uploaded it.</summary>
    public Bulletin Check(Bulletin bulletin, string reviewer) => Forbids(bulletin, reviewer)
        ? throw new AppException(Code, Msg.Get("YouUploadedThisBulletinSoYou"))
        : bulletin;

    /// <summary>What the review form says to <paramref name="reviewer"/> about <paramref name="bulletin"/>, or null.</summary>
    public string? NoteFor(Bulletin bulletin, string? reviewer)
    {
        if (!Forbids(bulletin, reviewer)) return null;
        return users.CountActive([Roles.Admin, Roles.Supervisor]) < 2
            ? Msg.Get("YouUploadedThisBulletinAndThere")
            : Msg.Get("YouUploadedThisBulletinAnotherReviewer");
    }
}
