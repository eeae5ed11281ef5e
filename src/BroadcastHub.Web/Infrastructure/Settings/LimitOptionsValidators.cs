using System.Net;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.BroadcastPolicies;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Emergency;
using BroadcastHub.Web.Features.KeyRing;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Newsroom;
using BroadcastHub.Web.Features.Newsroom.Tts;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Features.Playlists;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Stations.Push;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Health;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;

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
