using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>The navigation's "chờ phê duyệt" entry with the number of bulletins awaiting the reviewer; nothing for operators.</summary>
public sealed class PendingApprovalsViewComponent(PendingApprovals pending) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        PendingApprovals.Reviews(UserClaimsPrincipal) ? View(pending.Count()) : Content("");
}
