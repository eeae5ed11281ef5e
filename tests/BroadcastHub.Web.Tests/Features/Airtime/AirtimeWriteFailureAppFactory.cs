using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>
/// An app whose airtime database write can be made to fail (as a locked database or a full disk would), with its data
/// folder on a file system of its own (<c>/dev/shm</c> where there is one) so the disk alert's file system can be told apart.
/// </summary>
public sealed class AirtimeWriteFailureAppFactory : ReportsAppFactory
{
    public FlakyAirtimeAppend Append { get; } = new();

    /// <summary>The data folder this app really uses.</summary>
    public string OwnDataPath { get; } = Directory.Exists("/dev/shm")
        ? Path.Combine("/dev/shm", "bh-airtime-" + Guid.NewGuid().ToString("N")[..10])
        : Path.Combine(Path.GetTempPath(), "bh-airtime-" + Guid.NewGuid().ToString("N")[..10]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BroadcastHub:DataPath", OwnDataPath);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAirtimeAppend>();
            services.AddSingleton<IAirtimeAppend>(sp => Append.Over(new RepositoryAirtimeAppend(sp.GetRequiredService<AirtimeRepository>())));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(OwnDataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Fails the next <see cref="FailNext"/> writes with SQLite's "database is locked", then writes for real.</summary>
public sealed class FlakyAirtimeAppend : IAirtimeAppend
{
    private IAirtimeAppend? _inner;
    private int _failures;

    public FlakyAirtimeAppend Over(IAirtimeAppend inner)
    {
        _inner = inner;
        return this;
    }

    public void FailNext(int writes) => Interlocked.Exchange(ref _failures, writes);

    public bool TryAppend(AirtimeRecord record)
    {
        if (Interlocked.Decrement(ref _failures) >= 0) throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        Interlocked.Exchange(ref _failures, 0);
        return _inner!.TryAppend(record);
    }
}

[CollectionDefinition(Name)]
public sealed class AirtimeWriteFailureCollection : ICollectionFixture<AirtimeWriteFailureAppFactory>
{
    public const string Name = "airtime-write-failure";
}
