namespace ReleaseWatch.Intake.Sources.AzureDevOps;

/// <summary>
/// Reads Azure DevOps service hook notifications (the Web Hooks consumer; Azure DevOps' service hook event reference):
/// classic releases' <c>ms.vss-release.deployment-completed-event</c> when <c>resource.environment.status</c> is
/// <c>succeeded</c>, and YAML pipelines' <c>ms.vss-pipelines.stage-state-changed-event</c> when <c>resource.stage.state</c>
/// is <c>completed</c> with <c>result</c> <c>succeeded</c>. Keyed by the event's <c>id</c>, so a retried notification finds
/// the same watch. Mappings match <c>project</c>, <c>definition</c>, and <c>environment</c> (classic) or <c>stage</c> (YAML).
/// </summary>
internal static class AzureDevOpsServiceHook
{
    public const string ReleaseDeploymentCompleted = "ms.vss-release.deployment-completed-event";
    public const string StageStateChanged = "ms.vss-pipelines.stage-state-changed-event";

    public static SourceReading Read(ReadOnlyMemory<byte> body)
    {
        if (JsonFields.Parse(body, out var problem) is not { } fields)
        {
            return SourceReading.Invalid("$", problem!);
        }

        var eventType = fields.Text(true, "eventType");
        return eventType switch
        {
            null => SourceReading.Invalid(fields.Errors),
            ReleaseDeploymentCompleted => ReadRelease(fields),
            StageStateChanged => ReadStage(fields),
            _ => SourceReading.Ignore($"eventType '{eventType}' is neither {ReleaseDeploymentCompleted} nor {StageStateChanged}."),
        };
    }

    private static SourceReading ReadRelease(JsonFields fields)
    {
        var status = fields.Text(true, "resource.environment.status");
        if (status is not null && !string.Equals(status, "succeeded", StringComparison.OrdinalIgnoreCase))
        {
            return SourceReading.Ignore($"resource.environment.status is '{status}': a watch starts when the deployment succeeded.");
        }

        var id = fields.Text(true, "id");
        var project = fields.Text(true, "resource.project.name");
        // Live notifications name the definition in the environment; the documented sample (and the subscription's Test) omits it.
        var definition = fields.Text(false, "resource.environment.releaseDefinition.name", "resource.deployment.releaseDefinition.name", "resource.release.releaseDefinition.name");
        var environment = fields.Text(true, "resource.environment.name");
        var release = fields.Text(true, "resource.environment.release.name", "resource.deployment.release.name", "resource.release.name");
        var completedAt = fields.Timestamp(true, "createdDate");
        var runUrl = fields.Url("resource.environment.release._links.web.href", "resource.environment.release.url");
        if (fields.Errors.Count > 0)
        {
            return SourceReading.Invalid(fields.Errors);
        }

        var match = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["project"] = project!,
            ["environment"] = environment!,
        };
        if (definition is not null)
        {
            match["definition"] = definition;
        }

        return SourceReading.Of(new SourceDeployment(SourceNames.AzureDevOps, id!, match, release!, null, null, completedAt!.Value, definition ?? project!, runUrl));
    }

    private static SourceReading ReadStage(JsonFields fields)
    {
        var state = fields.Text(true, "resource.stage.state");
        var result = fields.Text(false, "resource.stage.result");
        if (state is not null && (!string.Equals(state, "completed", StringComparison.OrdinalIgnoreCase) || !string.Equals(result, "succeeded", StringComparison.OrdinalIgnoreCase)))
        {
            return SourceReading.Ignore($"resource.stage.state is '{state}' with result '{result}': a watch starts when the stage completed and succeeded.");
        }

        var id = fields.Text(true, "id");
        // The stage event carries the project's id only (resourceContainers.project.id); a mapping's project may name either.
        var project = fields.Text(true, "resource.project.name", "resourceContainers.project.id");
        var definition = fields.Text(true, "resource.pipeline.name", "resource.run.pipeline.name");
        var stage = fields.Text(true, "resource.stage.name");
        var run = fields.Text(true, "resource.run.name", "resource.run.id");
        var completedAt = fields.Timestamp(true, "createdDate");
        var runUrl = fields.Url("resource.stage._links.web.href", "resource.run._links.web.href");
        if (fields.Errors.Count > 0)
        {
            return SourceReading.Invalid(fields.Errors);
        }

        var match = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["project"] = project!,
            ["definition"] = definition!,
            ["stage"] = stage!,
        };
        return SourceReading.Of(new SourceDeployment(SourceNames.AzureDevOps, id!, match, run!, null, null, completedAt!.Value, definition!, runUrl));
    }
}
