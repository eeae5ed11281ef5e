namespace BroadcastHub.Web.Features.Emergency;

/// <summary>Play now: emergency bulletins and their dispatch to the stations that play the zones.</summary>
public static class EmergencyRegistration
{
    public static IServiceCollection AddEmergency(this IServiceCollection services)
    {
        services.AddScoped<EmergencyDispatch>();
        services.AddScoped<EmergencyService>();
        return services;
    }
}
