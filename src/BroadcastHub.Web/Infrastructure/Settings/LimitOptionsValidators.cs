using System.Net;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>Refuses library limits that would stop every upload or hold no waveform.</summary>
public sealed class LibraryLimitsOptionsValidator : IValidateOptions<LibraryLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LibraryLimitsOptions o) => new OptionErrors(LibraryLimitsOptions.Section)
        .Between(nameof(o.MaxConcurrentAnalyses), o.MaxConcurrentAnalyses, 1, 64)
        .Between(nameof(o.MaxQueuedAnalyses), o.MaxQueuedAnalyses, 0, 10_000)
        .Between(nameof(o.WaveformCacheEntries), o.WaveformCacheEntries, 1, 100_000)
        .Result;
}

/// <summary>Refuses a request body limit below 1 KiB or above 100 MiB.</summary>
public sealed class RequestBodyLimitOptionsValidator : IValidateOptions<RequestBodyLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestBodyLimitOptions o) => new OptionErrors(RequestBodyLimitOptions.Section)
        .Between(nameof(o.MaxRequestBodyBytes), o.MaxRequestBodyBytes, 1024, 100L * 1024 * 1024)
        .Result;
}

/// <summary>Refuses a sign-in lifetime that is not more than 0 and at most 30 days, and proxies that are not IP addresses.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const double MaxCookieHours = 24 * 30;

    public ValidateOptionsResult Validate(string? name, AuthOptions o) => new OptionErrors(AuthOptions.Section)
        .Check(o.CookieAbsoluteHours is > 0 and <= MaxCookieHours, nameof(o.CookieAbsoluteHours), "OptionMustBePositiveAtMost",
            MaxCookieHours, o.CookieAbsoluteHours)
        .Check((o.KnownProxies ?? []).All(p => IPAddress.TryParse(p, out _)), nameof(o.KnownProxies), "OptionNotIpAddresses",
            string.Join(", ", o.KnownProxies ?? []))
        .Result;
}
