using System.Security.Cryptography;

namespace BroadcastHub.Station.Cache;

/// <summary>SHA-256 media identities: the only form a hash may take before it becomes part of a path or a URL.</summary>
public static class MediaHash
{
    /// <summary>True for exactly 64 lowercase hexadecimal digits.</summary>
    public static bool IsWellFormed(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="sha256"/> <see cref="IsWellFormed"/>.</summary>
    public static void ThrowIfMalformed(string? sha256)
    {
        if (!IsWellFormed(sha256))
            throw new ArgumentException(
                "A media hash must be a SHA-256 written as exactly 64 lowercase hexadecimal digits (0-9, a-f).", nameof(sha256));
    }

    /// <summary>The SHA-256 of a file's content, as 64 lowercase hexadecimal digits.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
