using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReleaseWatch.Alerts;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Commands;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Outbox;

[Collection(RabbitMqCollection.Name)]
public sealed class OutboxDispatcherAlertTests(RabbitMqPeer rabbit, AzuritePeer azurite)
{
    private readonly OutboxTable _rows = new(azurite);
    private readonly FakeTimeProvider _time = new(Some.At);
    private readonly CountingChannel _teams = new("teams", refuses: true);
    private readonly CountingChannel _email = new("email", refuses: false);

    [Fact]
    public async Task DispatchAsync_delivers_to_the_channel_that_works_while_the_other_keeps_failing_then_reports_the_failure()
    {
        var alert = Some.Alert();
        await _rows.AddAsync(OutboxItem.ForAlert(alert.WatchId, alert, Some.At));
        await using var services = Create();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        var reports = new List<DeliveryReport>(await dispatcher.DispatchAsync(alert.WatchId, CancellationToken.None));
        var afterFirst = await _rows.GetAsync(alert.WatchId, alert.AlertId);
        _time.Advance(TimeSpan.FromMinutes(5));
        reports.AddRange(await dispatcher.SweepAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));
        reports.AddRange(await dispatcher.SweepAsync(CancellationToken.None));

        Assert.Equal(OutboxItemStatus.Pending, afterFirst.Status);
        Assert.Equal(["email"], afterFirst.DeliveredChannels);
        Assert.Contains("teams is down", afterFirst.LastError, StringComparison.Ordinal);
        Assert.Equal(1, _email.Attempts);
        Assert.Equal(2, _teams.Attempts);
        var final = await _rows.GetAsync(alert.WatchId, alert.AlertId);
        Assert.Equal(OutboxItemStatus.Failed, final.Status);
        // The dispatcher reports the failure as data; the watch runner records it in the watch's history.
        var entry = Assert.Single(reports, r => r.WatchId == alert.WatchId);
        Assert.Equal((alert.WatchId, alert.AlertId), (entry.WatchId, entry.ItemId));
        Assert.Contains("teams", entry.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_marks_an_alert_sent_once_every_routed_channel_accepted_it_and_never_sends_it_again()
    {
        var alert = Some.Alert(AlertSeverity.Info, environment: "uat");
        await _rows.AddAsync(OutboxItem.ForAlert(alert.WatchId, alert, Some.At));
        await using var services = Create(new Dictionary<string, string?>
        {
            ["ReleaseWatch:Alerts:Routes:0:Environment"] = "production",
            ["ReleaseWatch:Alerts:Routes:0:Channels:0"] = "teams",
            ["ReleaseWatch:Alerts:Routes:1:MinSeverity"] = "Info",
            ["ReleaseWatch:Alerts:Routes:1:Channels:0"] = "email",
        });
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.DispatchAsync(alert.WatchId, CancellationToken.None);
        await dispatcher.DispatchAsync(alert.WatchId, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await dispatcher.SweepAsync(CancellationToken.None);

        var row = await _rows.GetAsync(alert.WatchId, alert.AlertId);
        Assert.Equal(OutboxItemStatus.Sent, row.Status);
        Assert.Equal(["email"], row.DeliveredChannels);
        Assert.Equal((0, 1), (_teams.Attempts, _email.Attempts));
    }

    private ServiceProvider Create(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ReleaseWatch:Outbox:MaxAttempts"] = "2",
        };
        return Responders.Create(rabbit, Responders.UniqueQueue(), azurite, time: _time, settings: all, configure: services =>
        {
            services.AddSingleton<IAlertChannel>(_teams);
            services.AddSingleton<IAlertChannel>(_email);
        });
    }
}
