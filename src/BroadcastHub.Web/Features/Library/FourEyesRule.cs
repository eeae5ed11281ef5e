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
        ? throw new AppException(Code, Text.Pick(
            "Bạn đã tải lên bản tin này nên không thể tự phê duyệt; cần một người duyệt khác (nguyên tắc bốn mắt).",
            "You uploaded this bulletin, so you cannot approve it; another reviewer must (four eyes)."))
        : bulletin;

    /// <summary>What the review form says to <paramref name="reviewer"/> about <paramref name="bulletin"/>, or null.</summary>
    public string? NoteFor(Bulletin bulletin, string? reviewer)
    {
        if (!Forbids(bulletin, reviewer)) return null;
        return users.CountActive([Roles.Admin, Roles.Supervisor]) < 2
            ? Text.Pick(
                "Bạn đã tải lên bản tin này và hiện chỉ có một người có quyền duyệt: chưa thể phê duyệt cho đến khi có người duyệt thứ hai (hoặc tắt BroadcastHub:Approval:FourEyes).",
                "You uploaded this bulletin and there is only one user with review rights: it cannot be approved until a second reviewer exists (or BroadcastHub:Approval:FourEyes is turned off).")
            : Text.Pick("Bạn đã tải lên bản tin này; một người duyệt khác phải phê duyệt.", "You uploaded this bulletin; another reviewer must approve it.");
    }
}
