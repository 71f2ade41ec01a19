namespace ReleaseWatch.Commands;

/// <summary>A named remediation (e.g. "rerun-batch") with its parameters, from the policy's onBreach.</summary>
public sealed record CommandAction(string Name, IReadOnlyDictionary<string, string>? Parameters);
