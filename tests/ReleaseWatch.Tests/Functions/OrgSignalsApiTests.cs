using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Signals;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class OrgSignalsApiTests(AzuritePeer azurite)
{
    [Fact]
    public async Task Get_known_org_returns_channel_health_checkpoint_and_gaps()
    {
        var orgId = AzuritePeer.UniqueName("00D");
        await using var app = CreateApp(orgId);
        var streams = app.Services.GetRequiredService<StreamStateStore>();
        var now = TimeProvider.System.GetUtcNow();
        await streams.ReportAsync(orgId, "/event/BatchApexErrorEvent", StreamState.Connected, null, now, TimeSpan.FromSeconds(2), CancellationToken.None);
        await streams.SaveCheckpointsAsync(orgId, new Dictionary<string, long> { ["/event/BatchApexErrorEvent"] = 41 }, CancellationToken.None);
        await streams.RecordGapAsync(orgId, new SignalGap("/event/BatchApexErrorEvent", now.AddHours(-1), now, "replay id rejected"), CancellationToken.None);
        using var client = app.CreateClient();

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/orgs/{orgId}/signals", UriKind.Relative)))!;

        Assert.Equal(("healthy", "connected"), (body["health"]!.ToString(), body["channels"]![0]!["state"]!.ToString()));
        Assert.Equal(41, body["channels"]![0]!["checkpointReplayId"]!.GetValue<long>());
        Assert.Equal("replay id rejected", body["gaps"]![0]!["reason"]!.ToString());
        // Only batch errors are streamed, so the default policy's Apex and flow error metrics can never fail.
        Assert.Equal(["apex-errors", "apex-error-rate", "new-errors", "flow-errors", "concurrent-apex-limit"], body["uncovered"]!.AsArray().Select(u => u!["metric"]!.ToString()));
    }

    [Fact]
    public async Task Get_shows_a_connected_channel_whose_traffic_collapsed_as_silent_with_its_evidence()
    {
        var orgId = AzuritePeer.UniqueName("00D");
        await using var app = CreateApp(orgId);
        var streams = app.Services.GetRequiredService<StreamStateStore>();
        var signals = app.Services.GetRequiredService<TableSignalStore>();
        var now = TimeProvider.System.GetUtcNow();
        const string channel = "/event/BatchApexErrorEvent";
        await streams.ReportAsync(orgId, channel, StreamState.Connected, null, now, TimeSpan.FromSeconds(2), CancellationToken.None);
        // Ten events a minute through the hour before the last three minutes, then nothing.
        var first = SignalKeys.MinuteStart(now).AddMinutes(-63);
        await signals.CountAsync(orgId, [.. Enumerable.Range(0, 600).Select(i => new SignalOccurrence(ChannelTraffic.Signal(channel), channel, i + 1, first.AddSeconds(i * 6)))], CancellationToken.None);
        using var client = app.CreateClient();

        var body = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/orgs/{orgId}/signals", UriKind.Relative)))!;

        var traffic = body["traffic"]![0]!;
        Assert.Equal((channel, 0L, 600L), (traffic["channel"]!.ToString(), traffic["received"]!.GetValue<long>(), traffic["baselineReceived"]!.GetValue<long>()));
        Assert.True(traffic["silent"]!["pValue"]!.GetValue<double>() < 0.0001);
    }

    [Fact]
    public async Task Get_unknown_org_is_not_found()
    {
        await using var app = CreateApp(AzuritePeer.UniqueName("00D"));
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/orgs/00Dunknown/signals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private WebApplicationFactory<Program> CreateApp(string orgId) => new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
        .UseSetting("ReleaseWatch:Storage:ConnectionString", azurite.ConnectionString)
        .UseSetting("ReleaseWatch:Intake:SigningSecret", Hosting.ReleaseWatchApp.Secret)
        .UseSetting("ReleaseWatch:Orgs:0:Id", orgId)
        .UseSetting("ReleaseWatch:Orgs:0:Name", "Test org")
        .UseSetting("ReleaseWatch:Orgs:0:Environment", "production"));
}
