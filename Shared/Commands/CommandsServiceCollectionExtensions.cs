using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands.ServiceBus;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers commands: the command sender for the configured transport (Azure Service Bus through its SDK, or a
    /// generic AMQP 1.0 broker; the null sender without either), the result intake and, standalone, its receiver.
    /// </summary>
    public static IServiceCollection AddReleaseWatchCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandResultIntake>();
        var section = configuration.GetSection("ReleaseWatch:ServiceBus");
        if (!string.IsNullOrWhiteSpace(section["ConnectionString"]) || !string.IsNullOrWhiteSpace(section["Namespace"]))
        {
            var options = services.AddOptions<ServiceBusOptions>()
                .Bind(section)
                .Validate(o => !string.IsNullOrWhiteSpace(o.CommandsQueue), "ReleaseWatch:ServiceBus:CommandsQueue must not be empty.")
                .Validate(o => !string.IsNullOrWhiteSpace(o.ResultsQueue), "ReleaseWatch:ServiceBus:ResultsQueue must not be empty.")
                .Validate(o => o.SendTimeout > TimeSpan.Zero, "ReleaseWatch:ServiceBus:SendTimeout must be positive.")
                .ValidateOnStart();
            // Under the Functions host, results come from the host's Service Bus trigger (the CommandResults function).
            var receivesResults = !HostingMode.IsFunctionsHost(configuration);
            if (CommandTransports.For(section.Get<ServiceBusOptions>() ?? new()) == CommandTransport.AzureServiceBus)
            {
                services.AddAzureServiceBus(options, receivesResults);
            }
            else
            {
                services.AddAmqpBroker(options, receivesResults);
            }
        }

        // Without Service Bus, decided commands wait Pending in the outbox (GET /api/watches/{id} shows them)
        // and are sent once one is configured: the dispatcher skips commands while the sender is the null one.
        services.TryAddSingleton<ICommandSender, NoCommandSender>();

        return services;
    }

    private static void AddAzureServiceBus(this IServiceCollection services, OptionsBuilder<ServiceBusOptions> options, bool receivesResults)
    {
        options.Validate(ServiceBusClientFactory.IsValid,
            "ReleaseWatch:ServiceBus:ConnectionString must be Endpoint=sb://<namespace>/;SharedAccessKeyName=<rule>;SharedAccessKey=<key>, " +
            "or set ReleaseWatch:ServiceBus:Namespace (<namespace>.servicebus.windows.net) for Microsoft Entra.");
        // One client (one connection) for the sender and the processor; DI disposes it after them.
        services.AddSingleton(sp => ServiceBusClientFactory.Create(
            sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value,
            sp.GetService<TokenCredential>() ?? new DefaultAzureCredential()));
        services.AddSingleton<ICommandSender, ServiceBusCommandSender>();
        if (receivesResults)
        {
            services.AddHostedService<ServiceBusResultProcessor>();
        }
    }

    private static void AddAmqpBroker(this IServiceCollection services, OptionsBuilder<ServiceBusOptions> options, bool receivesResults)
    {
        options.Validate(AmqpBrokerEndpoint.IsValid,
            "ReleaseWatch:ServiceBus:ConnectionString must be an amqp:// or amqps:// URL (amqp://<user>:<password>@<host>:<port>) " +
            "or Endpoint=amqp://<host>:<port>/;SharedAccessKeyName=<user>;SharedAccessKey=<password>.");
        services.AddSingleton(sp => new AmqpBrokerConnection(
            sp.GetRequiredService<IOptions<ServiceBusOptions>>(), sp.GetRequiredService<ILogger<AmqpBrokerConnection>>()));
        services.AddSingleton<ICommandSender, AmqpCommandSender>();
        if (receivesResults)
        {
            services.AddHostedService<CommandResultReceiver>();
        }
    }
}
