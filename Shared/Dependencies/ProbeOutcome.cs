using System.Text.Json.Serialization;

namespace ReleaseWatch.Dependencies;

/// <summary>What one probe found.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ProbeResult>))]
internal enum ProbeResult
{
    /// <summary>The expected status (any 2xx unless the dependency names one).</summary>
    Ok,

    /// <summary>Another status, no answer in time, or the connection refused or reset: the dependency is failing.</summary>
    Failed,

    /// <summary>No probe could be made (the name does not resolve, the URL cannot be used): nothing is known about the dependency.</summary>
    NotMade,
}

/// <summary>One probe's result, its HTTP status when one came, the time to the response headers when one came, and why.</summary>
internal sealed record ProbeOutcome(ProbeResult Result, int? Status, TimeSpan? Latency, string Detail);
