using ReleaseWatch.Watches;

namespace ReleaseWatch.Intake;

/// <summary>
/// A deploy pipeline's word that a deployment finished: the native webhook body, and the `data` of a
/// ReleaseWatch.DeploymentCompleted Event Grid event.
/// </summary>
/// <param name="Policy">Optional: a policy name that overrides the org's for this deployment.</param>
public sealed record DeploymentNotice(
    string DeploymentId,
    OrgRef Org,
    ReleaseRef Release,
    DateTimeOffset CompletedAt,
    PipelineRef Pipeline,
    string? Policy);
