using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Rollouts;

/// <summary>
/// An Azurite of the rollout tests' own: their promote commands stay Pending without a broker, and another test's
/// dispatcher sweeping the shared watches table would send them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RolloutAzuriteCollection : ICollectionFixture<AzuritePeer>
{
    public const string Name = "rollouts-azurite";
}
