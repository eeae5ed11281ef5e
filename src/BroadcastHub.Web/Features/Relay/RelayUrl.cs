using System.Net;
using System.Net.Sockets;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>
/// The allow-list for a relay source's URL, the only user text that reaches ffmpeg: absolute http or https, no
/// user name or password in it, no whitespace or control characters, at most <see cref="MaxLength"/> characters, and
/// (unless allowed) no loopback, private or link-local host.
/// </summary>
public static class RelayUrl
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>The URL, trimmed, or <c>relay_url_invalid</c> / <c>relay_url_private</c>.</summary>
    public static Uri Check(string? text, bool allowPrivate)
    {
        var url = (text ?? "").Trim();
        if (url.Length == 0) throw Invalid(Msg.Get("EnterTheStreamURL"));
        if (url.Length > MaxLength) throw Invalid(Msg.Get("TheURLIsLongerThanCharacters", MaxLength));
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw Invalid(Msg.Get("TheURLMustNotContainSpaces"));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            throw Invalid(Msg.Get("OnlyAbsoluteHttpOrHttpsURLs"));
        if (uri.UserInfo.Length > 0)
            throw Invalid(Msg.Get("DoNotPutAUserName"));
        if (!allowPrivate && IsPrivateHost(uri))
            throw PrivateRefusal();
        return uri;
    }

    /// <summary>True when the host is a loopback, private or link-local address, or resolves only to such addresses.</summary>
    public static bool IsPrivateHost(Uri uri)
    {
        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (!IPAddress.TryParse(uri.DnsSafeHost, out var address)) return false;
        return IsPrivate(address);
    }

    /// <summary>Loopback, RFC 1918, carrier-grade NAT, link-local, unique-local or unspecified.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
    }

    /// <summary>The <c>relay_url_private</c> refusal.</summary>
    public static AppException PrivateRefusal() => new("relay_url_private", Msg.Get("TheURLPointsAtALocal"));

    private static AppException Invalid(string message) => new("relay_url_invalid", message);
}
