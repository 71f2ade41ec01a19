using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers commands: ReleaseWatch:ServiceBus validated at start, the result intake, the generic AMQP 1.0 transport
    /// when the connection string is amqp(s):// (with its results receiver when standalone), and the null sender when no
    /// transport registered a sender (Azure Service Bus registers its own first: AddReleaseWatchServiceBus).
    /// </summary>
    public static IServiceCollection AddReleaseWatchCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandResultIntake>();
        if (CommandTransports.Configured(configuration) is { } transport)
        {
            var options = services.AddOptions<ServiceBusOptions>()
                .Bind(configuration.GetSection(CommandTransports.Section))
                .Validate(o => !string.IsNullOrWhiteSpace(o.CommandsQueue), "ReleaseWatch:ServiceBus:CommandsQueue must not be empty.")
                .Validate(o => !string.IsNullOrWhiteSpace(o.ResultsQueue), "ReleaseWatch:ServiceBus:ResultsQueue must not be empty.")
                .Validate(o => o.SendTimeout > TimeSpan.Zero, "ReleaseWatch:ServiceBus:SendTimeout must be positive.")
                .ValidateOnStart();
            if (transport == CommandTransport.Amqp)
            {
                services.AddAmqpBroker(options, receivesResults: !HostingMode.IsFunctionsHost(configuration));
            }
        }

        // Without Service Bus, decided commands wait Pending in the outbox (GET /api/watches/{id} shows them)
        // and are sent once one is configured: the dispatcher skips commands while the sender is the null one.
        services.TryAddSingleton<ICommandSender, NoCommandSender>();

        return services;
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
