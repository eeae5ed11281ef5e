using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.BroadcastPolicies;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Emergency;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Features.Playlists;
using BroadcastHub.Web.Features.Relay;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure;

/// <summary>The application's own services: clock, database and repositories, playout, then one line per feature.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddBroadcastHubCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StationClock(sp.GetRequiredService<TimeProvider>(),
            StationClock.FindZone(sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.TimeZone)));
        services.AddSingleton(sp => DatabaseSetup.Create(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value));
        services.AddSingleton<PlacesRepository>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<BulletinRepository>();
        services.AddSingleton<BookingRepository>();
        services.AddSingleton<OccurrenceRepository>();
        services.AddSingleton<AirtimeRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<TokenRepository>();
        services.AddSingleton<OccurrenceProgressRepository>();
        services.AddSingleton<PolicyRepository>();
        services.AddSingleton<OccurrencePlanWriter>();
        services.AddSingleton<SessionExceptionRepository>();
        services.AddSingleton<StationRepository>();
        services.AddSingleton<StationAgentRepository>();
        services.AddSingleton<RelaySourceRepository>();
        services.AddSingleton<Policies>();
        services.AddSingleton<MediaStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<UserScope>();
        services.AddHubPlayout();
        services.AddSingleton<ArmJobStates>();
        Features.Stations.Push.StationPushSetup.AddStationPush(services);
        Features.Newsroom.NewsroomRegistration.AddNewsroom(services);
        return services
            .AddLibrary()
            .AddScheduling()
            .AddPlaces()
            .AddBroadcastPolicies()
            .AddEmergency()
            .AddStations()
            .AddUsers()
            .AddPlaylists()
            .AddAirtime()
            .AddAudit()
            .AddDashboard()
            .AddRelay();
    }
}
