namespace ReleaseWatch.Salesforce;

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
}
