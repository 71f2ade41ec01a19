using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ReleaseWatch.Deployments;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Takes a sender's notification, once read and authenticated: ignores what is not a finished deployment (saying why),
/// maps the deployment to its org and policy, and starts the watch through <see cref="DeploymentIntake"/>, idempotently by
/// the sender's key. Nothing is stored unless a watch starts.
/// </summary>
internal sealed class SourceIntake(SourceMappings mappings, DeploymentIntake intake, ILogger<SourceIntake> logger)
{
    public async Task<SourceOutcome> AcceptAsync(SourceReading reading, string delivery, CancellationToken cancellationToken)
    {
        if (reading.Errors.Count > 0)
        {
            return SourceOutcome.Invalid(reading.Errors);
        }

        if (reading.Deployment is not { } deployment)
        {
            SourcesLogs.Ignored(logger, delivery, reading.Ignored ?? "");
            return SourceOutcome.Ignore(reading.Ignored ?? "Not a finished deployment.");
        }

        var mapping = mappings.Find(deployment);
        if (mapping is null)
        {
            var detail = SourceMappings.Unmapped(deployment);
            SourcesLogs.Unmapped(logger, deployment.Source, delivery);
            return SourceOutcome.Refuse(detail);
        }

        var notice = new DeploymentNotice(
            deployment.DeploymentId,
            new OrgRef(mapping.Org, "", ""),
            new ReleaseRef(deployment.Version, deployment.PreviousVersion, deployment.Commit),
            deployment.CompletedAt,
            new PipelineRef(deployment.PipelineName, deployment.RunUrl),
            string.IsNullOrWhiteSpace(mapping.Policy) ? null : mapping.Policy);
        var result = await intake.AcceptAsync(notice, deployment.Source, cancellationToken);
        return result.Watch is { } watch
            ? new SourceOutcome(result.Outcome == IntakeOutcome.Created ? SourceOutcomeKind.Created : SourceOutcomeKind.Existing, watch, null, null)
            : SourceOutcome.Refuse(result.Detail ?? result.Outcome.ToString());
    }
}

/// <summary>What became of a sender's notification.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SourceOutcomeKind>))]
internal enum SourceOutcomeKind
{
    /// <summary>A new watch started (202).</summary>
    Created,
    /// <summary>The same deployment was delivered before: its watch, unchanged (200).</summary>
    Existing,
    /// <summary>Not a finished deployment (another event, state or type): acknowledged, nothing stored (202).</summary>
    Ignored,
    /// <summary>Bad fields (400).</summary>
    Invalid,
    /// <summary>A finished deployment that maps to no configured org, or to an unknown org or policy (422).</summary>
    Refused,
}

/// <summary>The outcome, with the watch when there is one, or the reason and bad fields.</summary>
internal sealed record SourceOutcome(SourceOutcomeKind Kind, WatchState? Watch, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static SourceOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(SourceOutcomeKind.Invalid, null, null, errors);

    public static SourceOutcome Ignore(string reason) => new(SourceOutcomeKind.Ignored, null, reason, null);

    public static SourceOutcome Refuse(string detail) => new(SourceOutcomeKind.Refused, null, detail, null);
}
