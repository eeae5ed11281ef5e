namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>The live dashboard's change source and fan-out, and the pending-approval count of the navigation.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<DashboardSignal>();
        services.AddHostedService<DashboardWatch>();
        services.AddScoped<PendingApprovals>();
        services.AddScoped<DashboardReader>();
        services.AddScoped<DashboardService>();
        return services;
    }
}
