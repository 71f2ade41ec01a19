using System.Globalization;
using ReleaseWatch.Tests.Salesforce;

namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>
/// One org of the end-to-end loop with its own Salesforce stand-in (Faye streaming server and OAuth token
/// endpoint), so one scenario's events or outage never reach another's watch.
/// </summary>
public sealed class StreamedOrg : IAsyncDisposable
{
    public const string LogEntryChannel = "/event/LogEntryEvent__e";

    private readonly bool _ownsPeers;
    private bool _stopped;

    /// <summary>An org on a streaming server and token endpoint shared with others, on its own channel.</summary>
    public StreamedOrg(string id, string name, string policy, string channel, SalesforcePeer streaming, TokenEndpoint tokens, bool ownsPeers = false)
    {
        Id = id;
        Name = name;
        Policy = policy;
        Channel = channel;
        Streaming = streaming;
        Tokens = tokens;
        _ownsPeers = ownsPeers;
    }

    public string Id { get; }

    public string Name { get; }

    public string Policy { get; }

    /// <summary>The platform event channel the org's errors arrive on.</summary>
    public string Channel { get; }

    public SalesforcePeer Streaming { get; }

    /// <summary>More channels the org subscribes, classified by the default rules (e.g. /event/LightningUriEventStream).</summary>
    public IReadOnlyList<string> ExtraChannels { get; init; } = [];

    public TokenEndpoint Tokens { get; }

    /// <summary>An org with a streaming server and token endpoint of its own, on LogEntryEvent__e.</summary>
    public static async Task<StreamedOrg> StartAsync(string id, string name, string policy, params string[] extraChannels)
    {
        var streaming = new SalesforcePeer();
        await streaming.InitializeAsync();
        return new StreamedOrg(id, name, policy, LogEntryChannel, streaming, await TokenEndpoint.StartAsync(streaming), ownsPeers: true) { ExtraChannels = extraChannels };
    }

    /// <summary>The org's settings as the executable reads them from environment variables (client credentials flow).</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(int index)
    {
        var prefix = $"ReleaseWatch__Orgs__{index.ToString(CultureInfo.InvariantCulture)}__";
        yield return new(prefix + "Id", Id);
        yield return new(prefix + "Name", Name);
        yield return new(prefix + "Environment", "production");
        yield return new(prefix + "Policy", Policy);
        yield return new(prefix + "Channels__0", Channel);
        for (var i = 0; i < ExtraChannels.Count; i++)
        {
            yield return new(prefix + $"Channels__{(i + 1).ToString(CultureInfo.InvariantCulture)}", ExtraChannels[i]);
        }
        yield return new(prefix + "Salesforce__LoginUrl", Tokens.LoginUrl.ToString());
        yield return new(prefix + "Salesforce__ClientId", TokenEndpoint.ClientId);
        yield return new(prefix + "Salesforce__ClientSecret", TokenEndpoint.ClientSecret);
        if (Channel != LogEntryChannel)
        {
            // Another channel's events are the org's Apex errors: a classification rule of its own.
            yield return new(prefix + "Salesforce__Rules__0__Channel", Channel);
            yield return new(prefix + "Salesforce__Rules__0__Signal", "apex.error");
        }
    }

    /// <summary>Publishes Nebula Logger entries as Salesforce would deliver them; returns the last replay id.</summary>
    public Task<long> PublishLogEntriesAsync(string level, string message, int count) =>
        Streaming.PublishAsync(Channel, new System.Text.Json.Nodes.JsonObject
        {
            ["LoggingLevel__c"] = level,
            ["ExceptionType__c"] = level == "ERROR" ? "System.NullPointerException" : null,
            ["ExceptionMessage__c"] = message,
            ["OriginLocation__c"] = "OpportunityDiscountService.applyDiscount",
        }, count);

    /// <summary>The streaming server goes away for good: the org's stream falls silent.</summary>
    public async Task StopStreamingAsync()
    {
        _stopped = true;
        await Streaming.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsPeers)
        {
            return;
        }

        await Tokens.DisposeAsync();
        if (!_stopped)
        {
            await Streaming.DisposeAsync();
        }
    }
}
