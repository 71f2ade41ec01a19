using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Judging;

/// <summary>Builds the policy catalog when the host starts, so an invalid policy stops the app at start, not at the first deployment.</summary>
internal sealed class PolicyCatalogStartupCheck(PolicyCatalog catalog, ILogger<PolicyCatalogStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.PoliciesLoaded(string.Join(", ", catalog.Names.Order(StringComparer.Ordinal)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class JudgingLogs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Policies loaded: {Names}")]
    public static partial void PoliciesLoaded(this ILogger logger, string names);
}
