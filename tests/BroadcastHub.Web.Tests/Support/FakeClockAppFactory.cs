using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>
/// The real app (real SQLite, real engine, the paced <c>null</c> output) on a <see cref="FakeTimeProvider"/>: every
/// instant the engine reads, waits for or stamps comes from <see cref="Clock"/>, so outcomes and instants are exact.
/// </summary>
public sealed class FakeClockAppFactory : AppFactory
{
    /// <summary>Monday 2 March 2026, 05:29 in the station's zone: the fake clock starts here.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 5, 29, 0, TimeSpan.FromHours(7));

    public FakeTimeProvider Clock { get; } = new(Epoch);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Jumps the clock to <paramref name="instant"/> in one step (every timer due by then fires).</summary>
    public void JumpTo(DateTimeOffset instant) => Clock.Advance(instant - Clock.GetUtcNow());

    /// <summary>
    /// Lets <paramref name="span"/> of fake time pass in 20 ms steps, slowly enough that the paced output (which
    /// re-reads the clock at least every block) keeps up with it.
    /// </summary>
    public async Task RunForAsync(TimeSpan span)
    {
        var step = TimeSpan.FromMilliseconds(20);
        for (var passed = TimeSpan.Zero; passed < span; passed += step)
        {
            Clock.Advance(step);
            await Task.Delay(8);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockAppFactory>
{
    public const string Name = "fake-clock";
}
