
namespace ReleaseWatch.Orgs;

/// <summary>How to reach one org's APIs (ReleaseWatch:Orgs:{i}:Salesforce). Secrets come from Key Vault references in Azure.</summary>
public sealed class SalesforceOrgOptions
{
    /// <summary>https://login.salesforce.com, https://test.salesforce.com or a My Domain URL.</summary>
    public Uri? LoginUrl { get; set; }

    /// <summary>The API version of the CometD endpoint, e.g. "60.0".</summary>
    public string ApiVersion { get; set; } = "60.0";

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; set; }

    /// <summary>The integration user (JWT bearer flow).</summary>
    public string? Username { get; set; }

    /// <summary>PEM RSA private key of the connected app's certificate (JWT bearer flow).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The connected app's consumer secret (client credentials flow).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Classification rules tried before the defaults (BatchApexErrorEvent, LogEntryEvent__e ERROR/FATAL, CDC activity).</summary>
    public List<SignalRuleOptions> Rules { get; set; } = [];

    /// <summary>Replay id for a channel with no checkpoint yet: -1 (new events only, default) or -2 (all retained).</summary>
    public long InitialReplayId { get; set; } = -1;

    /// <summary>Replay id used when Salesforce rejects the checkpoint as invalid or too old: -2 (all retained, default) or -1. A gap is recorded either way.</summary>
    public long ReplayFallback { get; set; } = -2;
}
