using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Services.Calendar;

namespace BroadcastHub.Web.Services.Playlists;

/// <summary>Services of the playlist import/export and the communes' iCalendar feeds.</summary>
public static class PlaylistsAndCalendarRegistration
{
    public static IServiceCollection AddPlaylistsAndCalendar(this IServiceCollection services)
    {
        services.AddSingleton<PlaylistRepository>();
        services.AddScoped<PlaylistService>();
        services.AddScoped<CommuneCalendar>();
        return services;
    }
}
