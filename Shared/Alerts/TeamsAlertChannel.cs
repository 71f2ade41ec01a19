using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Alerts;

/// <summary>Posts the alert's Adaptive Card to the Teams Workflows webhook. Retries (with Retry-After) live in the HttpClient's resilience handler.</summary>
internal sealed class TeamsAlertChannel(IHttpClientFactory clients, IOptions<TeamsOptions> options, ILogger<TeamsAlertChannel> logger) : IAlertChannel
{
    public const string HttpClientName = "releasewatch-teams";

    public string Name => "teams";

    public async Task DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, AdaptiveCardBuilder.Envelope(alert), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        AlertsLogs.TeamsDelivered(logger, alert.AlertId);
    }
}
