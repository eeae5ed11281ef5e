using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>Services that keep the airtime log whole: the database append, the checkpoint key and signer (the writer and its upkeep loop come with Playout).</summary>
public static class AirtimeIntegrityRegistration
{
    /// <summary>Registers them once (the writer itself comes with <see cref="PlayoutRegistration.AddPlayout"/>); calling it again changes nothing.</summary>
    public static IServiceCollection AddAirtimeIntegrity(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AirtimeCheckpoints))) return services;
        services.AddSingleton(sp => new AirtimeCheckpointKey(Path.Combine(sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.FullDataPath, "keys")));
        services.AddSingleton(sp => new AirtimeCheckpoints(sp.GetRequiredService<AppDatabase>(), sp.GetRequiredService<AirtimeRepository>(),
            sp.GetRequiredService<AirtimeCheckpointKey>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAirtimeAppend, RepositoryAirtimeAppend>();
        services.AddSingleton<IAirtimeCheckpoint, HubAirtimeCheckpoint>();
        services.AddSingleton<AirtimeRecoveryQuery>();
        services.AddSingleton<AirtimeLogPages>();
        return services;
    }
}
