using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Quản trị người dùng: administrators list and create users within their unit subtree.</summary>
[Route("users")]
[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(UserRepository users, PlacesRepository places, AccountService accounts, AccountAdmin admin, TimeProvider time)
    : PageController
{
    public const string CreateKey = "create-user";
    public const string ManageKey = "manage-user";
    private readonly UserDirectory _directory = new(users, places, accounts, time);

    [HttpGet("")]
    public IActionResult Index() => View(Page(new UserForm()));

    [HttpPost("create")]
    public IActionResult Create(UserForm form)
    {
        try
        {
            var user = _directory.Create(CurrentUser.Of(User, users), new NewUser(form.UserName, form.Password, form.Role, form.UnitId));
            Flash(Text.Pick($"Đã tạo người dùng \"{user.UserName}\" ({RoleName(user.Role)}).", $"Created user \"{user.UserName}\" ({RoleName(user.Role)})."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, CreateKey);
            form.Password = null;
            return View(nameof(Index), Page(form));
        }
    }

    [HttpPost("{id:long}/disable")]
    public IActionResult Disable(long id) => Manage(() =>
    {
        var user = admin.Disable(CurrentUser.Of(User, users), id);
        Flash(Text.Pick($"Đã khoá tài khoản \"{user.UserName}\"; mọi phiên đăng nhập của người này đã kết thúc.",
            $"Disabled \"{user.UserName}\"; every sign-in of this user has ended."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/enable")]
    public IActionResult Enable(long id) => Manage(() =>
    {
        var user = admin.Enable(CurrentUser.Of(User, users), id);
        Flash(Text.Pick($"Đã mở lại tài khoản \"{user.UserName}\".", $"Enabled \"{user.UserName}\" again."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/unlock")]
    public IActionResult Unlock(long id) => Manage(() =>
    {
        var user = admin.Unlock(CurrentUser.Of(User, users), id);
        Flash(Text.Pick($"Đã mở khoá đăng nhập cho \"{user.UserName}\".", $"Unlocked \"{user.UserName}\"."));
        return RedirectToAction(nameof(Index));
    });

    [HttpPost("{id:long}/reset-password")]
    public IActionResult ResetPassword(long id) => Manage(() =>
    {
        var password = admin.ResetPassword(CurrentUser.Of(User, users), id);
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), Page(new UserForm()) with { Reset = new TemporaryPassword(users.Find(id)!.UserName, password) });
    });

    /// <summary>A role's name in the UI language.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Admin => Text.Pick("Quản trị viên", "Administrator"),
        Roles.Supervisor => Text.Pick("Lãnh đạo duyệt", "Supervisor"),
        Roles.Operator => Text.Pick("Biên tập / kỹ thuật viên", "Operator"),
        _ => role,
    };

    private IActionResult Manage(Func<IActionResult> action)
    {
        try
        {
            return action();
        }
        catch (AppException e)
        {
            Refused(e, ManageKey);
            return View(nameof(Index), Page(new UserForm()));
        }
    }

    private UsersPage Page(UserForm form)
    {
        var admin = CurrentUser.Of(User, users);
        var units = places.ListUnits();
        var scope = UnitScope.Of(admin, units);
        return new UsersPage
        {
            Users = _directory.List(admin), Units = units.Where(u => scope.Covers(u.Id)).ToList(), MayCreateWithoutUnit = scope.IsWhole, Form = form,
        };
    }
}
