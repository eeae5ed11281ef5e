extern alias station;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using station::BroadcastHub.Station.Cache;
using station::BroadcastHub.Station.Hosting;
using station::BroadcastHub.Station.Local;
using station::BroadcastHub.Station.Status;
using station::BroadcastHub.Station.Sync;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>The station agent's sync pieces, wired as the agent wires them, against the in-process hub (or any address).</summary>
public sealed class AgentSyncHarness : IDisposable
{
    private AgentSyncHarness(HttpClient http, Uri hub, string token, string dataPath)
    {
        DataPath = dataPath;
        Options = new StationOptions { DataPath = dataPath, Hub = new HubConnectionOptions { Url = hub.AbsoluteUri, StationToken = token } };
        var time = TimeProvider.System;
        Database = new LocalDatabase(dataPath);
        Store = new ManifestStore(Database);
        Outbox = new AirtimeOutbox(Database, time);
        State = new SyncState();
        Hub = new HubClient(http, new HubEndpoint(hub, token), time, State);
        Cache = new MediaCache(http, StationSetup.CacheSettings(Options) with { RetryDelay = TimeSpan.FromMilliseconds(10) }, time, NullLogger<MediaCache>.Instance);
        Sync = new ManifestSync(Hub, Store, Cache, time, Options.Station.CacheDays, NullLogger<ManifestSync>.Instance);
        Uploader = new AirtimeUploader(Hub, Outbox, NullLogger<AirtimeUploader>.Instance);
        Heartbeat = new HeartbeatSender(Hub, Store, Outbox, time);
        Recordings = new RecordingUploader(Hub, new RecordingQueue(Database, time),
            Microsoft.Extensions.Options.Options.Create(new BroadcastHub.Playout.PlayoutOptions { DataPath = dataPath }), NullLogger<RecordingUploader>.Instance);
        Cycle = new SyncCycle(Sync, Uploader, Recordings, Heartbeat, State, NullLogger<SyncCycle>.Instance);
        Status = new StationStatus(Microsoft.Extensions.Options.Options.Create(Options), Cache, Store, Outbox, State);
    }

    public string DataPath { get; }
    public StationOptions Options { get; }
    public LocalDatabase Database { get; }
    public ManifestStore Store { get; }
    public AirtimeOutbox Outbox { get; }
    public SyncState State { get; }
    public HubClient Hub { get; }
    public MediaCache Cache { get; }
    public ManifestSync Sync { get; }
    public AirtimeUploader Uploader { get; }
    public RecordingUploader Recordings { get; }
    public HeartbeatSender Heartbeat { get; }
    public SyncCycle Cycle { get; }
    public StationStatus Status { get; }

    /// <summary>An agent talking to the in-process hub with <paramref name="token"/>, in a fresh data folder.</summary>
    public static AgentSyncHarness ForHub(AppFactory app, string token) =>
        new(app.CreateClient(), new Uri("http://localhost/"), token, NewDataPath());

    /// <summary>The same data folder as <paramref name="other"/>, but a hub address where nothing listens.</summary>
    public static AgentSyncHarness Unreachable(AgentSyncHarness other, string token) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, new Uri("http://127.0.0.1:9/"), token, other.DataPath);

    /// <summary>An outbox record of item <paramref name="position"/> of <paramref name="s"/>'s occurrence.</summary>
    public static OutboxRecord Record(EnrolledStation s, int position, double played = 1)
    {
        var start = s.Occurrence.StartUtc.AddSeconds(position);
        return new OutboxRecord(s.Occurrence.Id, position, s.Bulletins[position].Id, "Completed", start, start, start.AddSeconds(played), played, null,
            start.AddSeconds(played));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cache.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string NewDataPath() => Path.Combine(Path.GetTempPath(), "bh-agent-" + Guid.NewGuid().ToString("N")[..10]);
}
