using ReleaseWatch.Deployments;

namespace ReleaseWatch.Intake;

/// <summary>Either a valid notice, or every problem found, keyed by the JSON path of the field.</summary>
public sealed record DeploymentNoticeReadResult(DeploymentNotice? Notice, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Notice is not null;
}
