using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;

namespace ReleaseWatch.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers what acts on decisions: commands (Azure Service Bus through its SDK, a generic AMQP 1.0 broker, or the null sender), the alert channels that are
    /// configured with their routing, and the outbox dispatcher that delivers both (ReleaseWatch:Outbox).
    /// </summary>
    public static IServiceCollection AddReleaseWatchResponders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReleaseWatchServiceBus(configuration);
        services.AddReleaseWatchCommands(configuration);
        services.AddReleaseWatchAlerts(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection("ReleaseWatch:Outbox"))
            .Validate(o => o.MaxAttempts > 0, "ReleaseWatch:Outbox:MaxAttempts must be at least 1.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay,
                "ReleaseWatch:Outbox:RetryDelay must be positive and at most ReleaseWatch:Outbox:MaxRetryDelay.")
            .Validate(o => o.ClaimFor > TimeSpan.Zero, "ReleaseWatch:Outbox:ClaimFor must be positive.")
            .ValidateOnStart();
        services.AddSingleton<TableOutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
