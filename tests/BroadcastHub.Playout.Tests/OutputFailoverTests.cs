using BroadcastHub.Playout;

namespace BroadcastHub.Playout.Tests;

public sealed class OutputFailoverTests
{
    [Fact]
    public void A_card_that_never_opens_is_retried_twice_then_the_fallback_twice_then_given_up()
    {
        var failover = new OutputFailover(2);
        var steps = new List<string>();
        while (failover.Next(progressed: false)) steps.Add($"{(failover.OnFallback ? "fallback" : "primary")}#{failover.Retry}");

        Assert.Equal(["primary#1", "primary#2", "fallback#0", "fallback#1", "fallback#2"], steps);
    }

    [Fact]
    public void A_card_that_played_before_failing_gets_its_retries_back()
    {
        var failover = new OutputFailover(1);

        Assert.True(failover.Next(progressed: false));
        Assert.True(failover.Next(progressed: true));
        Assert.False(failover.OnFallback);
        Assert.Equal(2, failover.Retry);
        Assert.True(failover.Next(progressed: false));
        Assert.True(failover.OnFallback);
    }

    [Fact]
    public void With_no_retries_the_first_failure_goes_to_the_fallback()
    {
        var failover = new OutputFailover(0);

        Assert.True(failover.Next(progressed: false));
        Assert.True(failover.OnFallback);
        Assert.False(failover.Next(progressed: false));
    }
}
