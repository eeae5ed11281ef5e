namespace BroadcastHub.Web.Features.Relay;

/// <summary>Relay sources (tiếp sóng): their management, probe and page.</summary>
public static class RelayRegistration
{
    /// <summary>Registers the relay services (<c>BroadcastHub:Relay:AllowPrivateAddresses</c>, <c>ProbeTimeoutSeconds</c>, <c>BookingProbeTimeoutSeconds</c>, <c>BookingProbeCacheSeconds</c>).</summary>
    public static IServiceCollection AddRelay(this IServiceCollection services)
    {
        services.AddOptions<RelayHubOptions>().BindConfiguration(RelayHubOptions.Section)
            .Validate(o => o.ProbeTimeoutSeconds is >= 1 and <= 120, "BroadcastHub:Relay:ProbeTimeoutSeconds must be 1–120")
            .Validate(o => o.BookingProbeTimeoutSeconds is >= 1 and <= 120, "BroadcastHub:Relay:BookingProbeTimeoutSeconds must be 1–120")
            .Validate(o => o.BookingProbeCacheSeconds is >= 0 and <= 3600, "BroadcastHub:Relay:BookingProbeCacheSeconds must be 0–3600")
            .Validate(o => o.AgentRecordingMaxMegabytes is >= 1 and <= 4096, "BroadcastHub:Relay:AgentRecordingMaxMegabytes must be 1–4096").ValidateOnStart();
        services.AddSingleton<RelayProbe>();
        services.AddSingleton<RelayProbeCache>();
        services.AddScoped<RelaySourceService>();
        return services;
    }
}
