namespace ReleaseWatch.Alerts;

/// <summary>The facts every channel shows, worded once so Teams and email say the same thing.</summary>
internal static class AlertText
{
    public static string Heading(Alert alert) => alert.Severity switch
    {
        AlertSeverity.Critical => "CRITICAL: " + alert.Title,
        AlertSeverity.Warning => "Warning: " + alert.Title,
        _ => alert.Title,
    };

    public static IEnumerable<(string Title, string Value)> Facts(Alert alert)
    {
        yield return ("Org", $"{alert.Org.Name} ({alert.Org.Id}, {alert.Org.Environment})");
        yield return ("Release", alert.Release.PreviousVersion is null
            ? alert.Release.Version
            : $"{alert.Release.Version} (previous {alert.Release.PreviousVersion})");
        yield return ("Deployment", alert.DeploymentId);
        if (alert.Pipeline is not null)
        {
            yield return ("Pipeline", alert.Pipeline.Name);
        }

        if (alert.CommandId is not null)
        {
            yield return ("Command", alert.CommandId);
        }

        yield return ("Watch", alert.WatchId);
        yield return ("Raised", alert.RaisedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string Describe(AlertMetric metric) =>
        $"{metric.Verdict}: observed {AdaptiveCardBuilder.Number(metric.Observed)} vs baseline {AdaptiveCardBuilder.Number(metric.Baseline)}" +
        $" vs threshold {metric.Threshold} over {metric.Window} ({metric.Signal})";

    public static IEnumerable<(string Title, Uri Url)> Links(Alert alert)
    {
        if (alert.Pipeline?.RunUrl is { } run)
        {
            yield return ("Pipeline run", run);
        }

        if (alert.WatchUrl is { } watch)
        {
            yield return ("Open the watch", watch);
        }
    }
}
