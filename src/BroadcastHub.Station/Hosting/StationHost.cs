using BroadcastHub.Station.Status;

namespace BroadcastHub.Station.Hosting;

/// <summary>Composes the agent: the same application for <c>Program</c>, a service manager and tests.</summary>
public static class StationHost
{
    /// <summary>The Windows service name.</summary>
    public const string ServiceName = "BroadcastHub.Station";

    /// <summary>Builds the agent from command-line <paramref name="args"/> plus the usual configuration sources.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No-ops unless started by the Windows service manager or systemd (Type=notify); see docs/station-agent.md.
        builder.Host.UseWindowsService(o => o.ServiceName = ServiceName);
        builder.Host.UseSystemd();
        StationListenAddress.ApplyDefault(builder);
        builder.Services.AddStationAgent();

        var app = builder.Build();
        app.MapStationStatus();
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"BroadcastHub station agent is running: {string.Join(", ", app.Urls)}"));
        return app;
    }
}
