namespace ReleaseWatch.Intake.Sources.GitHub;

/// <summary>
/// Reads GitHub's <c>deployment_status</c> webhook (GitHub's webhook payload reference): a watch starts when
/// <c>deployment_status.state</c> is <c>success</c>. Mappings match <c>environment</c> (<c>deployment.environment</c>) and
/// <c>repository</c> (<c>repository.full_name</c>). The version is <c>deployment.payload.version</c> when the workflow sets
/// it, else <c>deployment.ref</c> with the short <c>deployment.sha</c> (v1.4.2@a84d88e); <c>deployment.payload.previousVersion</c> makes the release revertible. The run is
/// <c>deployment_status.log_url</c>, <c>target_url</c> or the workflow run's page. Keyed by <c>deployment.id</c>, so a
/// redelivery (same X-GitHub-Delivery) or a second hook for the same deployment finds the same watch.
/// </summary>
internal static class GitHubDeploymentStatus
{
    public const string EventName = "deployment_status";

    public static SourceReading Read(string? eventName, ReadOnlyMemory<byte> body)
    {
        if (!string.Equals(eventName, EventName, StringComparison.Ordinal))
        {
            return SourceReading.Ignore($"X-GitHub-Event '{eventName}' is not {EventName}: only successful deployment statuses start a watch.");
        }

        if (JsonFields.Parse(body, out var problem) is not { } fields)
        {
            return SourceReading.Invalid("$", problem!);
        }

        var state = fields.Text(true, "deployment_status.state");
        if (state is not null && !string.Equals(state, "success", StringComparison.OrdinalIgnoreCase))
        {
            return SourceReading.Ignore($"deployment_status.state is '{state}': a watch starts on 'success'.");
        }

        var id = fields.Text(true, "deployment.id");
        var environment = fields.Text(true, "deployment.environment", "deployment_status.environment");
        var repository = fields.Text(true, "repository.full_name");
        var sha = fields.Text(true, "deployment.sha");
        var reference = fields.Text(false, "deployment.ref");
        var version = fields.Text(false, "deployment.payload.version") ?? VersionOf(reference, sha);
        var previousVersion = fields.Text(false, "deployment.payload.previousVersion");
        var completedAt = fields.Timestamp(true, "deployment_status.created_at");
        var runUrl = fields.Url("deployment_status.log_url", "deployment_status.target_url", "workflow_run.html_url");
        var pipeline = fields.Text(false, "workflow_run.name", "workflow.name") ?? repository;
        if (fields.Errors.Count > 0)
        {
            return SourceReading.Invalid(fields.Errors);
        }

        var match = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["environment"] = environment!,
            ["repository"] = repository!,
        };
        return SourceReading.Of(new SourceDeployment(
            SourceNames.GitHub, $"{repository}/deployments/{id}", match, version!, previousVersion, sha, completedAt!.Value, pipeline!, runUrl));
    }

    /// <summary>The ref (tag or branch) with the short commit, e.g. v1.4.2@a84d88e; the commit alone when the ref is the commit.</summary>
    private static string? VersionOf(string? reference, string? sha) =>
        sha is null ? null
        : reference is null || string.Equals(reference, sha, StringComparison.OrdinalIgnoreCase) ? sha
        : $"{reference}@{sha[..Math.Min(7, sha.Length)]}";
}
