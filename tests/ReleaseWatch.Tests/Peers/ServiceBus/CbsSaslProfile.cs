using Amqp;
using Amqp.Sasl;
using Amqp.Types;

namespace ReleaseWatch.Tests.Peers.ServiceBus;

/// <summary>
/// The server side of Service Bus's <c>MSSBCBS</c> SASL mechanism: the client names it and sends no
/// credentials; authorization follows on the $cbs node, per entity. The SDK offers no other mechanism.
/// </summary>
internal sealed class CbsSaslProfile() : SaslProfile(Name)
{
    public const string Name = "MSSBCBS";

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) =>
        throw new InvalidOperationException("The MSSBCBS profile is for the listening side only.");

    protected override DescribedList OnCommand(DescribedList command) => command is SaslInit
        ? new SaslOutcome { Code = SaslCode.Ok }
        : throw new AmqpException(ErrorCode.NotAllowed, "Expected sasl-init for MSSBCBS, got " + command.Descriptor.Name + ".");
}
