using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Auth;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Controllers;

/// <summary>Quản trị người dùng: administrators list and create users within their unit subtree.</summary>
[Route("users")]
[Authorize(Roles = Roles.Admin)]
public sealed class UsersController(UserRepository users, PlacesRepository places, AccountService accounts, TimeProvider time) : PageController
{
    public const string CreateKey = "create-user";
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

    /// <summary>A role's name in the UI language.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Admin => Text.Pick("Quản trị viên", "Administrator"),
        Roles.Supervisor => Text.Pick("Lãnh đạo duyệt", "Supervisor"),
        Roles.Operator => Text.Pick("Biên tập / kỹ thuật viên", "Operator"),
        _ => role,
    };

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
