using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using ReleaseWatch.Alerts;
using ReleaseWatch.Outbox;

namespace ReleaseWatch.Commands;

public static class RespondersServiceCollectionExtensions
{
    /// <summary>
    /// Registers what acts on decisions: the Service Bus command sender, the result intake (and, standalone,
    /// its AMQP receiver), the Teams and email alert channels that are configured, routing, and the outbox dispatcher.
    /// </summary>
    public static IServiceCollection AddReleaseWatchResponders(this IServiceCollection services, IConfiguration configuration)
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

    private static void AddReleaseWatchAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertRoutingOptions>().Bind(configuration.GetSection("ReleaseWatch:Alerts"));
        services.AddSingleton<AlertRouter>();
        if (!string.IsNullOrWhiteSpace(configuration["ReleaseWatch:Teams:WebhookUrl"]))
        {
            services.AddOptions<TeamsOptions>()
                .Bind(configuration.GetSection("ReleaseWatch:Teams"))
                .Validate(o => o.WebhookUrl is { IsAbsoluteUri: true }, "ReleaseWatch:Teams:WebhookUrl must be an absolute URL.")
                .Validate(o => o.MaxRetries >= 0, "ReleaseWatch:Teams:MaxRetries must not be negative.")
                .ValidateOnStart();
            services.AddHttpClient(TeamsAlertChannel.HttpClientName)
                .AddResilienceHandler("teams", (pipeline, context) =>
                {
                    var teams = context.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = teams.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = teams.RetryDelay,
                        ShouldRetryAfterHeader = true,
                    });
                });
            services.AddSingleton<IAlertChannel, TeamsAlertChannel>();
        }

        if (!string.IsNullOrWhiteSpace(configuration["ReleaseWatch:Email:Host"]))
        {
            services.AddOptions<EmailOptions>()
                .Bind(configuration.GetSection("ReleaseWatch:Email"))
                .Validate(o => !string.IsNullOrWhiteSpace(o.From), "ReleaseWatch:Email:From must be set when ReleaseWatch:Email:Host is.")
                .Validate(o => o.Port is > 0 and < 65536, "ReleaseWatch:Email:Port must be a TCP port.")
                .ValidateOnStart();
            services.AddSingleton<IAlertChannel, EmailAlertChannel>();
        }
    }
}
