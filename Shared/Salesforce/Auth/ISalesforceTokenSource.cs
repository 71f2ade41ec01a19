namespace ReleaseWatch.Salesforce.Auth;

/// <summary>Hands out a cached token for one org; <c>renew</c> after Salesforce answered 401.</summary>
internal interface ISalesforceTokenSource
{
    Task<SalesforceToken> GetAsync(bool renew, CancellationToken cancellationToken);
}
