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
        Flash(Msg.Get("CreatedUser", user.UserName, RoleName(user.Role)));
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
        Flash(Msg.Get("DisabledEverySignInOfThis", user.UserName));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/enable")]
    public IActionResult Enable(long id) => Manage(() =>
    {
        var user = admin.Enable(Caller, id);
        Flash(Msg.Get("EnabledAgain", user.UserName));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/unlock")]
    public IActionResult Unlock(long id) => Manage(() =>
    {
        var user = admin.Unlock(Caller, id);
        Flash(Msg.Get("Unlocked", user.UserName));
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
        Roles.Admin => Msg.Get("Administrator"),
        Roles.Supervisor => Msg.Get("Supervisor"),
        Roles.Operator => Msg.Get("Operator"),
        _ => role,
    };

    private IActionResult Manage(Func<IActionResult> action) => Attempt(action, ManageKey, () => View(nameof(Index), Page(new UserForm())));

    private UserAccount Caller => pages.Caller(User);

    private UsersPage Page(UserForm form) => pages.Users(User, form);
}
