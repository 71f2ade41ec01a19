using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;
using ReleaseWatch.Tests.Peers.ServiceBus;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

/// <summary>
/// A contract peer laid out as infra.bicep declares the namespace: "release-commands" with sessions and
/// duplicate detection (one day), "release-command-results" plain; both with MaxDeliveryCount 10.
/// Builds the SDK adapters against it as the app would.
/// </summary>
public static class ServiceBusNamespace
{
    public const string Commands = "release-commands";
    public const string Results = "release-command-results";

    public static ServiceBusPeer Start(TimeProvider? time = null, params SasRule[] moreRules)
    {
        var peer = ServiceBusPeer.Start(time, moreRules);
        peer.AddQueue(new QueueSettings(Commands) { RequiresSession = true, DuplicateDetectionWindow = TimeSpan.FromDays(1) });
        peer.AddQueue(new QueueSettings(Results));
        return peer;
    }

    public static ServiceBusOptions Settings(string connectionString) => new()
    {
        ConnectionString = connectionString,
        // Short tries, so that a refused token or attach fails the test quickly.
        SendTimeout = TimeSpan.FromSeconds(10),
    };

    public static ServiceBusClient Client(string connectionString) =>
        ServiceBusClientFactory.Create(Settings(connectionString), new DefaultAzureCredential());

    internal static ServiceBusCommandSender Sender(ServiceBusClient client) =>
        new(client, Options.Create(new ServiceBusOptions()), NullLogger<ServiceBusCommandSender>.Instance);

    internal static ServiceBusResultProcessor Processor(ServiceBusClient client, ICommandResultHandler handler, TimeProvider? time = null) => new(
        client,
        new CommandResultIntake(handler, NullLogger<CommandResultIntake>.Instance),
        Options.Create(new ServiceBusOptions()),
        time ?? TimeProvider.System,
        NullLogger<ServiceBusResultProcessor>.Instance);
}
