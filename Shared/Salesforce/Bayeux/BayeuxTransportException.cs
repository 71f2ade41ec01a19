namespace ReleaseWatch.Salesforce.Bayeux;

/// <summary>The streaming endpoint answered with an HTTP failure (5xx, 429, ...) rather than a Bayeux reply.</summary>
internal sealed class BayeuxTransportException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
