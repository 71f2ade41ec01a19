namespace ReleaseWatch.Salesforce.Auth;

/// <summary>Hands out a cached token for one org; <c>renew</c> after Salesforce answered 401.</summary>
internal interface ISalesforceTokenSource
{
    Task<SalesforceToken> GetAsync(bool renew, CancellationToken cancellationToken);
}

/// <summary>An OAuth access token and the org's instance URL (where the streaming endpoint lives).</summary>
internal sealed record SalesforceToken(string AccessToken, Uri InstanceUrl);
