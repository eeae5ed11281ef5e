using System.Net;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Auth;

/// <summary>Cookies for pages, bearer tokens for the API; every endpoint requires a signed-in user unless marked otherwise.</summary>
public static class AuthSetup
{
    private const string Selector = "cookie-or-bearer";

    public static IServiceCollection AddBroadcastHubAuth(this IServiceCollection services)
    {
        services.TryAddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<FourEyesRule>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = ctx =>
                ApiTokenHandler.BearerToken(ctx.Request) is { } bearer && StationTokenHandler.IsStationToken(bearer)
                    ? StationTokenHandler.SchemeName
                    : ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || IsApi(ctx.Request)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "bh.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.Events.OnValidatePrincipal = SignInValidation.ValidateCookieAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, StationTokenHandler>(StationTokenHandler.SchemeName, null);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(StationTokenHandler.Policy, p => p.RequireClaim(StationTokenHandler.StationIdClaim)));
        return services;
    }

    /// <summary>Believes <c>X-Forwarded-For</c>/<c>-Proto</c> only from the proxies in <c>BroadcastHub:Auth:KnownProxies</c>; first in the pipeline.</summary>
    public static WebApplication UseBroadcastHubForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.KnownProxies;
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>After authentication: a user who must change its password can do nothing else until it has.</summary>
    public static WebApplication UseBroadcastHubPasswordChangeGate(this WebApplication app)
    {
        app.UseMiddleware<PasswordChangeGate>();
        return app;
    }

    /// <summary>After authentication: a station token reaches only the station-facing routes (<see cref="StationTokenGate"/>).</summary>
    public static WebApplication UseBroadcastHubStationTokenGate(this WebApplication app)
    {
        app.UseMiddleware<StationTokenGate>();
        return app;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
