using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>
/// Registers the engine and everything it airs with. The host gives the rest: <see cref="IPlayoutStore"/>,
/// <see cref="IPlayoutMedia"/>, <see cref="IAirtimeAppend"/>, <see cref="IAirtimeCheckpoint"/>, a
/// <see cref="TimeProvider"/> and a <see cref="BroadcastHub.Core.Time.StationClock"/>.
/// </summary>
public static class PlayoutRegistration
{
    /// <summary>
    /// Binds <see cref="PlayoutOptions"/> (<c>BroadcastHub</c>) and <see cref="AirtimeOptions"/> (<c>BroadcastHub:Airtime</c>) and <see cref="Relay.RelayOptions"/> (<c>BroadcastHub:Relay</c>),
    /// checked at start, and adds the engine as a hosted service (crash recovery at start). Calling it again changes nothing.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="defaultDataPath">The data folder when <c>BroadcastHub:DataPath</c> is not set (the hub's and the agent's differ).</param>
    public static IServiceCollection AddPlayout(this IServiceCollection services, string defaultDataPath)
    {
        if (services.Any(d => d.ServiceType == typeof(PlayoutEngine))) return services;
        services.AddOptions<PlayoutOptions>().Configure(o => o.DataPath = defaultDataPath).BindConfiguration(PlayoutOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlayoutOptions>, PlayoutOptionsValidator>());
        services.AddOptions<AirtimeOptions>().BindConfiguration(AirtimeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AirtimeOptions>, AirtimeOptionsValidator>());
        services.AddOptions<Relay.RelayOptions>().BindConfiguration(Relay.RelayOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Relay.RelayOptions>, Relay.RelayOptionsValidator>());
        services.AddOptions<Relay.FfmpegLocation>().BindConfiguration(Relay.FfmpegLocation.Section);
        services.AddSingleton<Relay.RelayAlerts>();
        services.AddSingleton<Relay.RelayAir>();
        services.AddSingleton<AirtimeWriter>();
        services.AddSingleton<AirtimeRecorder>();
        services.AddSingleton<Heartbeats>();
        services.AddSingleton<RundownItems>();
        services.AddSingleton<CrashRecovery>();
        services.AddSingleton<OccurrenceRunner>();
        services.AddSingleton<ZoneOutputs>();
        services.AddSingleton<ZoneGate>();
        services.AddSingleton<PlayoutEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<PlayoutEngine>());
        services.AddHostedService<AirtimeUpkeep>();
        services.AddHostedService<Relay.RelayRecordingUpkeep>();
        return services;
    }
}
