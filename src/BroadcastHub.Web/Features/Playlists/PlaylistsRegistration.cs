using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Playlists;

/// <summary>The playlist import and export.</summary>
public static class PlaylistsRegistration
{
    public static IServiceCollection AddPlaylists(this IServiceCollection services)
    {
        services.AddSingleton<PlaylistRepository>();
        services.AddScoped<PlaylistService>();
        return services;
    }
}
