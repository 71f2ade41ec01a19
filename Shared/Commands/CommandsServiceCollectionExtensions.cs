using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers commands: the Service Bus command sender (the null one without Service Bus), the result intake and,
    /// standalone, its AMQP receiver.
    /// </summary>
    public static IServiceCollection AddReleaseWatchCommands(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommandResultIntake>();
        var section = configuration.GetSection("ReleaseWatch:ServiceBus");
        if (!string.IsNullOrWhiteSpace(section["ConnectionString"]) || !string.IsNullOrWhiteSpace(section["Namespace"]))
        {
            services.AddServiceBus(configuration, section);
        }

        // Without Service Bus, decided commands wait Pending in the outbox (GET /api/watches/{id} shows them)
        // and are sent once one is configured: the dispatcher skips commands while the sender is the null one.
        services.TryAddSingleton<ICommandSender, NoCommandSender>();

        return services;
    }

    private static void AddServiceBus(this IServiceCollection services, IConfiguration configuration, IConfigurationSection section)
    {
        services.AddOptions<ServiceBusOptions>()
            .Bind(section)
            .Validate(ServiceBusEndpoint.IsValid,
                "ReleaseWatch:ServiceBus:ConnectionString must be Endpoint=sb://<namespace>/;SharedAccessKeyName=<rule>;SharedAccessKey=<key> or an amqp:// URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.CommandsQueue), "ReleaseWatch:ServiceBus:CommandsQueue must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ResultsQueue), "ReleaseWatch:ServiceBus:ResultsQueue must not be empty.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "ReleaseWatch:ServiceBus:SendTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceBusOptions>>();
            var authorizer = string.IsNullOrWhiteSpace(options.Value.ConnectionString)
                ? new CbsTokenAuthorizer(new DefaultAzureCredential(), sp.GetRequiredService<TimeProvider>())
                : null;
            return new ServiceBusConnection(options, authorizer, sp.GetRequiredService<ILogger<ServiceBusConnection>>());
        });
        services.AddSingleton<ICommandSender, AmqpCommandSender>();
        if (string.IsNullOrWhiteSpace(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"]))
        {
            services.AddHostedService<CommandResultReceiver>();
        }
    }
}
