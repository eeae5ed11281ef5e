using BroadcastHub.Audio.Output;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace BroadcastHub.Audio.Tests.Output;

public sealed class PreciseClockTests
{
    [Fact]
    public async Task Runs_the_action_on_the_instant_on_a_dedicated_thread()
    {
        var time = TimeProvider.System;
        var instant = time.GetUtcNow().AddMilliseconds(1200);
        DateTimeOffset ranAt = default;
        var pooled = true;

        await PreciseClock.RunAtAsync(time, instant, () => (ranAt, pooled) = (time.GetUtcNow(), Thread.CurrentThread.IsThreadPoolThread), default);

        Assert.False(pooled);
        Assert.InRange((ranAt - instant).TotalMilliseconds, 0, 25); // never early; the p99 figure comes from the benchmark
    }

    [Fact]
    public async Task Cancellation_before_the_instant_skips_the_action()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var ran = false;

        // The instant is within the dedicated thread's window (1 s) and far enough past the cancellation that a busy
        // thread pool (parallel test assemblies) firing the cancel timer late still cancels first.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PreciseClock.RunAtAsync(
            TimeProvider.System, TimeProvider.System.GetUtcNow().AddMilliseconds(950), () => ran = true, cancel.Token));

        Assert.False(ran);
    }

    [Fact]
    public async Task Follows_a_fake_clock_and_never_hangs_when_it_stops_advancing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 22, 0, 0, TimeSpan.Zero));
        var ran = false;
        var run = PreciseClock.RunAtAsync(time, time.GetUtcNow().AddMinutes(5), () => ran = true, default);

        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(ran);
    }
}
