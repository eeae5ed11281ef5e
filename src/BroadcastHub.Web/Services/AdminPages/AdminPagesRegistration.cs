namespace BroadcastHub.Web.Services.AdminPages;

/// <summary>Services behind the policies page, the commune programme panel and the booking edit page.</summary>
public static class AdminPagesRegistration
{
    public static IServiceCollection AddAdminPages(this IServiceCollection services)
    {
        services.AddScoped<PolicyOverview>();
        services.AddScoped<CommuneProgrammePanels>();
        services.AddScoped<BookingEditPages>();
        return services;
    }
}
