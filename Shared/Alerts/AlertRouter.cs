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
