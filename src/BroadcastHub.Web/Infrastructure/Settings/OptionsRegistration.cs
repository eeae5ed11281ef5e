using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

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
