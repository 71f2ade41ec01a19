namespace ReleaseWatch.Alerts;

/// <summary>
/// ReleaseWatch:Alerts. With no routes every configured channel receives every alert (critical, warning,
/// and info such as "verified"); with routes, an alert goes to the union of the channels of every matching route.
/// </summary>
public sealed class AlertRoutingOptions
{
    public IList<AlertRoute> Routes { get; } = [];
}
