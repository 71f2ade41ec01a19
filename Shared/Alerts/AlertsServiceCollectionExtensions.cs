using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ReleaseWatch.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Registers alert routing (ReleaseWatch:Alerts) and the Teams and email channels that are configured; each channel that is not configured is off.</summary>
    public static IServiceCollection AddReleaseWatchAlerts(this IServiceCollection services, IConfiguration configuration)
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

        return services;
    }
}
