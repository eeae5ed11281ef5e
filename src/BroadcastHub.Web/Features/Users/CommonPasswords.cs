using System.Collections.Frozen;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// A few thousand passwords people choose most often (English and Vietnamese: <c>123456</c>, <c>password</c>,
/// <c>matkhau</c>, <c>anhyeuem</c>, names, places and words with the usual endings), shipped inside the assembly.
/// A new password on this list is refused whatever its length; the comparison ignores case and surrounding spaces.
/// </summary>
public static class CommonPasswords
{
    /// <summary>The refusal's stable code.</summary>
    public const string Code = "common_password";

    private const string ResourceName = "BroadcastHub.Web.CommonPasswords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>Whether <paramref name="password"/> is on the list.</summary>
    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    /// <summary>Refuses <paramref name="password"/> with <see cref="Code"/> when it is on the list.</summary>
    public static void Check(string password)
    {
        if (Contains(password))
            throw new AppException(Code, Msg.Get("ThisPasswordIsTooCommonAnd"));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#')) words.Add(word);
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
