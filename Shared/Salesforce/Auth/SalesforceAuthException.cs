namespace ReleaseWatch.Salesforce.Auth;

/// <summary>The token endpoint refused (error + error_description from its JSON answer) or answered nonsense.</summary>
internal sealed class SalesforceAuthException(string message) : Exception(message);
