namespace BroadcastHub.Web.Features.Users;

/// <summary>The sign-in form (đăng nhập).</summary>
public sealed class SignInForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
