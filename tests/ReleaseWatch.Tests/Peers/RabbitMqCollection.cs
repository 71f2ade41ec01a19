namespace ReleaseWatch.Tests.Peers;

/// <summary>Test classes in this collection share one RabbitMQ broker (each test uses its own queues).</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqPeer>, ICollectionFixture<AzuritePeer>
{
    public const string Name = "rabbitmq";
}
