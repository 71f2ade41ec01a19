using Microsoft.Extensions.Options;
using ReleaseWatch.Alerts;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Outbox;

namespace ReleaseWatch.Tests.Alerts;

public sealed class AlertRouterTests
{
    private static readonly IAlertChannel[] Channels = [new CountingChannel("teams", false), new CountingChannel("email", false)];

    [Theory]
    [InlineData(AlertSeverity.Info)]
    [InlineData(AlertSeverity.Warning)]
    [InlineData(AlertSeverity.Critical)]
    public void ChannelsFor_sends_every_alert_to_every_configured_channel_without_routes(AlertSeverity severity)
    {
        var router = new AlertRouter(Channels, Options.Create(new AlertRoutingOptions()));

        Assert.Equal(["teams", "email"], router.ChannelsFor(Some.Alert(severity)).Select(c => c.Name));
    }

    [Theory]
    [InlineData("production", AlertSeverity.Critical, "teams,email")]
    [InlineData("production", AlertSeverity.Warning, "teams")]
    [InlineData("production", AlertSeverity.Info, "")]
    [InlineData("uat", AlertSeverity.Critical, "email")]
    [InlineData("uat", AlertSeverity.Warning, "")]
    public void ChannelsFor_follows_routes_by_environment_and_minimum_severity(string environment, AlertSeverity severity, string expected)
    {
        var options = new AlertRoutingOptions();
        options.Routes.Add(Route("production", AlertSeverity.Warning, "teams"));
        options.Routes.Add(Route(null, AlertSeverity.Critical, "email"));
        var router = new AlertRouter(Channels, Options.Create(options));

        Assert.Equal(expected, string.Join(',', router.ChannelsFor(Some.Alert(severity, environment)).Select(c => c.Name)));
    }

    private static AlertRoute Route(string? environment, AlertSeverity minimum, string channel)
    {
        var route = new AlertRoute { Environment = environment, MinSeverity = minimum };
        route.Channels.Add(channel);
        return route;
    }
}
