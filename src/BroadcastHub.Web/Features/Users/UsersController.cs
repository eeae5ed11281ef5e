using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Quản trị người dùng: administrators list and create users within their unit subtree.</summary>
[Route("users")]
[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(UserPages pages, UserDirectory directory, AccountAdmin admin) : PageController
{
    public const string CreateKey = "create-user";
    public const string ManageKey = "manage-user";

    [HttpGet("")]
    public IActionResult Index() => View(Page(new UserForm()));

    [HttpPost("create")]
    public IActionResult Create(UserForm form) => Attempt(() =>
    {
        var user = directory.Create(Caller, new NewUser(form.UserName, form.Password, form.Role, form.UnitId));
        Flash(Text.Pick($"Đã tạo người dùng \"{user.UserName}\" ({RoleName(user.Role)}).", $"Created user \"{user.UserName}\" ({RoleName(user.Role)})."));
        return RedirectToAction(nameof(Index));
    }, CreateKey, () =>
    {
        form.Password = null;
        return View(nameof(Index), Page(form));
    });

    [HttpPost("{id:long}/disable")]
    public IActionResult Disable(long id) => Manage(() =>
    {
        var user = admin.Disable(Caller, id);
        Flash(Text.Pick($"Đã khoá tài khoản \"{user.UserName}\"; mọi phiên đăng nhập của người này đã kết thúc.",
            $"Disabled \"{user.UserName}\"; every sign-in of this user has ended."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/enable")]
    public IActionResult Enable(long id) => Manage(() =>
    {
        var user = admin.Enable(Caller, id);
        Flash(Text.Pick($"Đã mở lại tài khoản \"{user.UserName}\".", $"Enabled \"{user.UserName}\" again."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/unlock")]
    public IActionResult Unlock(long id) => Manage(() =>
    {
        var user = admin.Unlock(Caller, id);
        Flash(Text.Pick($"Đã mở khoá đăng nhập cho \"{user.UserName}\".", $"Unlocked \"{user.UserName}\"."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/reset-password")]
    public IActionResult ResetPassword(long id) => Manage(() =>
    {
        var password = admin.ResetPassword(Caller, id);
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), pages.Users(User, new UserForm(), new TemporaryPassword(pages.UserNameOf(id), password)));
    });

    /// <summary>A role's name in the UI language.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Admin => Text.Pick("Quản trị viên", "Administrator"),
        Roles.Supervisor => Text.Pick("Lãnh đạo duyệt", "Supervisor"),
        Roles.Operator => Text.Pick("Biên tập / kỹ thuật viên", "Operator"),
        _ => role,
    };

    private IActionResult Manage(Func<IActionResult> action) => Attempt(action, ManageKey, () => View(nameof(Index), Page(new UserForm())));

    private UserAccount Caller => pages.Caller(User);

    private UsersPage Page(UserForm form) => pages.Users(User, form);
}
