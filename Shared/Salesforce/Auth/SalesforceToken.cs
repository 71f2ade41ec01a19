namespace ReleaseWatch.Salesforce.Auth;

/// <summary>An OAuth access token and the org's instance URL (where the streaming endpoint lives).</summary>
internal sealed record SalesforceToken(string AccessToken, Uri InstanceUrl);
