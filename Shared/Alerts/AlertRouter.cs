using Microsoft.Extensions.Options;

namespace ReleaseWatch.Alerts;

/// <summary>Chooses the channels an alert goes to.</summary>
internal sealed class AlertRouter(IEnumerable<IAlertChannel> channels, IOptions<AlertRoutingOptions> options)
{
    private readonly IReadOnlyList<IAlertChannel> _channels = [.. channels];

    public IReadOnlyList<IAlertChannel> ChannelsFor(Alert alert)
    {
        var routes = options.Value.Routes;
        if (routes.Count == 0)
        {
            return _channels;
        }

        var names = routes
            .Where(r => string.IsNullOrEmpty(r.Environment) || string.Equals(r.Environment, alert.Org.Environment, StringComparison.OrdinalIgnoreCase))
            .Where(r => alert.Severity >= r.MinSeverity)
            .SelectMany(r => r.Channels)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. _channels.Where(c => names.Contains(c.Name))];
    }
}

/// <summary>
/// ReleaseWatch:Alerts. With no routes every configured channel receives every alert (critical, warning,
/// and info such as "verified"); with routes, an alert goes to the union of the channels of every matching route.
/// </summary>
public sealed class AlertRoutingOptions
{
    public IList<AlertRoute> Routes { get; } = [];
}

/// <summary>One routing rule: alerts for an environment (any when empty) at or above a severity go to these channels.</summary>
public sealed class AlertRoute
{
    /// <summary>e.g. "production"; empty matches every environment. Default: any.</summary>
    public string? Environment { get; set; }

    /// <summary>Default Info (everything).</summary>
    public AlertSeverity MinSeverity { get; set; } = AlertSeverity.Info;

    /// <summary>Channel names: "teams", "email". Default: none.</summary>
    public IList<string> Channels { get; } = [];
}
