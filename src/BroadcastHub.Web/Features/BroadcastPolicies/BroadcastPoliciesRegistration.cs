namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>The broadcast policies page and the guard that applies them to sessions and bookings.</summary>
public static class BroadcastPoliciesRegistration
{
    public static IServiceCollection AddBroadcastPolicies(this IServiceCollection services)
    {
        services.AddScoped<PolicyGuard>();
        services.AddScoped<PolicyOverview>();
        return services;
    }
}
