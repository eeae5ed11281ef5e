namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>The relays that air in real time share one <see cref="RelayAppFactory"/> (its fill is bulletin 1) and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class RelayAirCollection : ICollectionFixture<RelayAppFactory>
{
    public const string Name = "relay-air";
}
