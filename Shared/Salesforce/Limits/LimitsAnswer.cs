namespace ReleaseWatch.Salesforce.Limits;

/// <summary>One /limits call's outcome: the limits, Salesforce's REQUEST_LIMIT_EXCEEDED (back off), or another failure with its reason.</summary>
internal sealed record LimitsAnswer(OrgLimits? Limits, bool RequestLimitExceeded, string? Failure)
{
    public static LimitsAnswer Of(OrgLimits limits) => new(limits, false, null);

    public static LimitsAnswer Exceeded(string detail) => new(null, true, detail);

    public static LimitsAnswer Failed(string reason) => new(null, false, reason);
}
