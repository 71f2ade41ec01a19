using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Alerts;

/// <summary>Posts the alert's Adaptive Card to the Teams Workflows webhook. Retries (with Retry-After) live in the HttpClient's resilience handler.</summary>
/// <remarks>
/// The metric's chart rides in the card as a data URI when the message stays under <see cref="AdaptiveCardBuilder.MaxPayloadBytes"/>.
/// </remarks>
internal sealed class TeamsAlertChannel(IHttpClientFactory clients, IOptions<TeamsOptions> options, ILogger<TeamsAlertChannel> logger, IAlertChartSource? charts = null) : IAlertChannel
{
    public const string HttpClientName = "releasewatch-teams";

    public string Name => "teams";

    public async Task DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        var chart = await charts.TryDrawAsync(alert, logger, cancellationToken).ConfigureAwait(false);
        var message = AdaptiveCardBuilder.Envelope(alert, chart);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(message.ToJsonString());
        if (chart is not null && bytes > AdaptiveCardBuilder.MaxPayloadBytes)
        {
            AlertsLogs.ChartTooLarge(logger, alert.AlertId, bytes, AdaptiveCardBuilder.MaxPayloadBytes);
            message = AdaptiveCardBuilder.Envelope(alert);
        }

        using var client = clients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, message, AlertsJsonContext.Dialect.JsonObject, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        AlertsLogs.TeamsDelivered(logger, alert.AlertId);
    }
}

/// <summary>The Teams channel (ReleaseWatch:Teams). Without a webhook URL the channel is off.</summary>
public sealed class TeamsOptions
{
    /// <summary>A Teams Workflows webhook URL ("When a Teams webhook request is received"). Default: none (off).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Retries of one post on 408/429/5xx, honouring Retry-After. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the answer has no Retry-After (exponential with jitter after it). Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
