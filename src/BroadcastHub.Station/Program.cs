using BroadcastHub.Station.Hosting;

return StartupFailure.RunOrExplain(StationHost.Create(args));

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
