using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Commands.ServiceBus;

public static class ServiceBusServiceCollectionExtensions
{
    /// <summary>
    /// Registers Azure Service Bus through its SDK when ReleaseWatch:ServiceBus names it (an sb:// connection string, or
    /// only a Namespace): one client, the command sender and, standalone, the results processor (under the Functions host
    /// results come from the host's trigger). Call before AddReleaseWatchCommands, which binds the options.
    /// </summary>
    public static IServiceCollection AddReleaseWatchServiceBus(this IServiceCollection services, IConfiguration configuration)
    {
        if (CommandTransports.Configured(configuration) != CommandTransport.AzureServiceBus)
        {
            return services;
        }

        services.AddOptions<ServiceBusOptions>().Validate(ServiceBusClientFactory.IsValid,
            "ReleaseWatch:ServiceBus:ConnectionString must be Endpoint=sb://<namespace>/;SharedAccessKeyName=<rule>;SharedAccessKey=<key>, " +
            "or set ReleaseWatch:ServiceBus:Namespace (<namespace>.servicebus.windows.net) for Microsoft Entra.");
        // One client (one connection) for the sender and the processor; DI disposes it after them.
        services.AddSingleton(sp => ServiceBusClientFactory.Create(
            sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value,
            sp.GetService<TokenCredential>() ?? new DefaultAzureCredential()));
        services.AddSingleton<ICommandSender, ServiceBusCommandSender>();
        if (!HostingMode.IsFunctionsHost(configuration))
        {
            services.AddHostedService<ServiceBusResultProcessor>();
        }

        return services;
    }
}
