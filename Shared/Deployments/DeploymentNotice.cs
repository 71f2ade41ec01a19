namespace ReleaseWatch.Deployments;

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

/// <summary>The Salesforce org a deployment went to.</summary>
/// <param name="Id">The 18-character org id (00D...).</param>
/// <param name="Name">A human name, e.g. "Acme Production".</param>
/// <param name="Environment">e.g. production, uat, sandbox.</param>
public sealed record OrgRef(string Id, string Name, string Environment);

/// <summary>What was released. Without <paramref name="PreviousVersion"/> a release cannot be reverted.</summary>
public sealed record ReleaseRef(string Version, string? PreviousVersion, string? Commit);

/// <summary>The deploy pipeline run that shipped the release.</summary>
public sealed record PipelineRef(string Name, Uri? RunUrl);
