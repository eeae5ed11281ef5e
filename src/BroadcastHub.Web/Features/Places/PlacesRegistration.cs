namespace BroadcastHub.Web.Features.Places;

/// <summary>Units, communes, speaker clusters (zones) and sessions.</summary>
public static class PlacesRegistration
{
    public static IServiceCollection AddPlaces(this IServiceCollection services)
    {
        services.AddScoped<PlacesService>();
        services.AddScoped<CommunePages>();
        return services;
    }
}
