using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>What a user name may be: 3–64 letters, digits and <c>. _ - @</c>, no spaces; unique without regard to case.</summary>
public static class UserNames
{
    public const int MinLength = 3;
    public const int MaxLength = 64;

    /// <summary>The trimmed name, or a refusal saying what is wrong with it.</summary>
    public static string Check(string? input)
    {
        var name = input?.Trim() ?? "";
        if (name.Length == 0)
            throw new AppException("user_name_required", Msg.Get("EnterAUserName"));
        if (name.Length is < MinLength or > MaxLength || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            throw new AppException("invalid_user_name", Msg.Get("AUserNameHasLettersDigits", MinLength, MaxLength));
        return name;
    }

    public static AppException Exists(string name) =>
        new AppException("user_exists", Msg.Get("UserAlreadyExists2", name));
}
