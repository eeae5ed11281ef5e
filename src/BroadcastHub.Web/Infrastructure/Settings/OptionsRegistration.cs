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

/// <summary>
/// Binds every configuration section of the web hub to its options class and validates it when the host starts
/// (<see cref="OptionsStart"/> turns a failure into one line naming the key and exit code 3).
/// </summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddBroadcastHubOptions(this IServiceCollection services)
    {
        services.AddValidated<BroadcastHubOptions, HubOptionsValidator>(BroadcastHubOptions.Section);
        services.AddValidated<SchedulingOptions, SchedulingOptionsValidator>(SchedulingOptions.Section);
        services.AddValidated<DefaultPolicyOptions, DefaultPolicyOptionsValidator>(DefaultPolicyOptionsValidator.Section);
        services.AddValidated<DashboardOptions, DashboardOptionsValidator>(DashboardOptions.Section);
        services.AddValidated<LibraryLimitsOptions, LibraryLimitsOptionsValidator>(LibraryLimitsOptions.Section);
        services.AddValidated<RequestBodyLimitOptions, RequestBodyLimitOptionsValidator>(RequestBodyLimitOptions.Section);
        services.AddValidated<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section).ValidateOnStart();
        return services;
    }

    private static void AddValidated<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
