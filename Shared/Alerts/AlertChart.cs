namespace ReleaseWatch.Alerts;

/// <summary>
/// The chart of an alert's metric as a PNG (observed at each check against threshold and baseline, the breach span),
/// drawn server-side at delivery so the Teams card and the email tell the story on a phone. <see cref="AltText"/>
/// says in words what the picture shows.
/// </summary>
public sealed record AlertChart(byte[] Png, int Width, int Height, string AltText)
{
    /// <summary>The PNG as a data URI (an Adaptive Card Image's url supports it from 1.2).</summary>
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png);
}

/// <summary>
/// Draws the chart an alert shows, or null when it has none (no metric, not a watch's alert). A failure here never
/// keeps an alert from going out: the channel sends it without the picture.
/// </summary>
public interface IAlertChartSource
{
    Task<AlertChart?> ChartAsync(Alert alert, CancellationToken cancellationToken);
}

/// <summary>Asks the chart source for an alert's chart; a failure is logged and the alert goes out without it.</summary>
internal static class AlertCharts
{
    public static async Task<AlertChart?> TryDrawAsync(this IAlertChartSource? source, Alert alert, Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            return null;
        }

        try
        {
            return await source.ChartAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AlertsLogs.ChartFailed(logger, ex, alert.AlertId);
            return null;
        }
    }
}
