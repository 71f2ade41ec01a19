namespace ReleaseWatch.Judging;

/// <summary>A policy in configuration that cannot be used; the message names the policy, the metric and the field.</summary>
public sealed class InvalidPolicyException : Exception
{
    public InvalidPolicyException(string policy, string? metric, string field, string problem)
        : base($"Policy '{policy}'{(metric is null ? "" : $", metric '{metric}'")}: {field} {problem}")
    {
        Policy = policy;
        Metric = metric;
        Field = field;
    }

    public string Policy { get; }

    public string? Metric { get; }

    /// <summary>The field's path as written in the policy's JSON, e.g. failWhen.aboveBaselineBy.</summary>
    public string Field { get; }
}
