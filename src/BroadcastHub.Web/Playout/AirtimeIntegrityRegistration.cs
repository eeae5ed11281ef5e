using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>Services that keep the airtime log whole: the retrying writer, the checkpoint key and signer, the upkeep loop.</summary>
public static class AirtimeIntegrityRegistration
{
    /// <summary>Registers them once (<c>BroadcastHub:Airtime</c> options); calling it again changes nothing.</summary>
    public static IServiceCollection AddAirtimeIntegrity(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AirtimeWriter))) return services;
        services.AddOptions<AirtimeOptions>().BindConfiguration(AirtimeOptions.Section);
        services.AddSingleton(sp => new AirtimeCheckpointKey(Path.Combine(sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.FullDataPath, "keys")));
        services.AddSingleton(sp => new AirtimeCheckpoints(sp.GetRequiredService<AppDatabase>(), sp.GetRequiredService<AirtimeRepository>(),
            sp.GetRequiredService<AirtimeCheckpointKey>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAirtimeAppend, RepositoryAirtimeAppend>();
        services.AddSingleton<AirtimeWriter>();
        services.AddSingleton<AirtimeRecoveryQuery>();
        services.AddSingleton<AirtimeLogPages>();
        services.AddHostedService<AirtimeUpkeep>();
        return services;
    }
}
