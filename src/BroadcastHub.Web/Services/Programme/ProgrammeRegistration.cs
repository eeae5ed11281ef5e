using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Services.Programme;

/// <summary>Services of communes' programmes (underfill, jingles), one-off sessions and booking edits.</summary>
public static class ProgrammeRegistration
{
    public static IServiceCollection AddCommuneProgramme(this IServiceCollection services)
    {
        services.AddSingleton<CommuneProgrammeRepository>();
        services.AddScoped<ProgrammeFills>();
        services.AddScoped<CommuneProgrammes>();
        services.AddScoped<BookingEdits>();
        services.AddScoped<OverflowChoice>();
        return services;
    }
}
