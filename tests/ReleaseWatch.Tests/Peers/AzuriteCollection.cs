namespace ReleaseWatch.Tests.Peers;

/// <summary>Test classes in this collection share one Azurite process.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuritePeer>
{
    public const string Name = "azurite";
}
