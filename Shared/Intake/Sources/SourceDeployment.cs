namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// A finished deployment as a sender reported it, before it is mapped to an org: the sender's own key for it (a repeat
/// of the delivery carries the same key, so it finds the same watch), the fields mappings match on, and what was released.
/// </summary>
/// <param name="Source">The sender: github, azure-devops, devops-center or gearset (<see cref="SourceNames"/>).</param>
/// <param name="Key">The sender's id of the deployment or event; becomes the watch's deployment id, prefixed by the source.</param>
/// <param name="Match">The values mappings match on, e.g. environment and repository for GitHub.</param>
internal sealed record SourceDeployment(
    string Source,
    string Key,
    IReadOnlyDictionary<string, string> Match,
    string Version,
    string? PreviousVersion,
    string? Commit,
    DateTimeOffset CompletedAt,
    string PipelineName,
    Uri? RunUrl)
{
    /// <summary>The deployment id the watch is keyed by: the source and its key, so two senders never collide.</summary>
    public string DeploymentId => $"{Source}:{Key}";
}
