namespace ReleaseWatch.Salesforce.Classification;

/// <summary>A metric of an org's policy that counts a signal none of the org's channels can feed: it can never fail.</summary>
public sealed record UncoveredMetric(string Policy, string Metric, string Signal);
