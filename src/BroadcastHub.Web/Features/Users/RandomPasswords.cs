using System.Security.Cryptography;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Passwords the system makes up (first administrator, demo users, resets): 16 random characters, 96 bits.</summary>
public static class RandomPasswords
{
    private const int Bytes = 12;

    /// <summary>A new random password of letters and digits (no <c>/</c> or <c>+</c>, easy to copy from a console).</summary>
    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).Replace('/', 'x').Replace('+', 'y');
}
