using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Status;

var builder = WebApplication.CreateBuilder(args);
// No-ops unless started by the Windows service manager or systemd (Type=notify); see docs/station-agent.md.
builder.Host.UseWindowsService(o => o.ServiceName = "BroadcastHub.Station");
builder.Host.UseSystemd();
StationListenAddress.ApplyDefault(builder);
builder.Services.AddStationAgent();

var app = builder.Build();
app.MapStationStatus();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"BroadcastHub station agent is running: {string.Join(", ", app.Urls)}"));
return StartupFailure.RunOrExplain(app);

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
