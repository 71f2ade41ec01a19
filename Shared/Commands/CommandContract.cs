using System.Text.Json.Serialization;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Commands;

// The command wire contract, in one place: the body on "release-commands" (releasewatch.command/v1, README
// "Commands and alerts") and the deploy agent's answer on "release-command-results". Serialized with ReleaseWatchJson
// (camelCase, enums as camelCase strings); AMQP properties are set in CommandMessage.

/// <summary>
/// The body of a message on the "release-commands" queue (contract "releasewatch.command/v1").
/// <see cref="CommandId"/> is deterministic per (watch, decision) so a resend is deduplicated by the broker.
/// </summary>
public sealed record ReleaseCommand(
    string CommandId,
    CommandType Type,
    string WatchId,
    OrgRef Org,
    CommandDeployment Deployment,
    ReleaseRef Release,
    CommandAction? Action,
    CommandReason Reason,
    string Severity,
    DateTimeOffset IssuedAt)
{
    public const string SchemaV1 = "releasewatch.command/v1";

    /// <summary>Always <see cref="SchemaV1"/>; serialized first so an agent can dispatch on it.</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Schema { get; init; } = SchemaV1;

    /// <summary>
    /// Rollout commands only (promote, or a whole wave's revert): every org of the wave, <see cref="Org"/> being the first
    /// (its id is the message's session). Absent on a watch's own commands.
    /// </summary>
    public IReadOnlyList<OrgRef>? Orgs { get; init; }

    /// <summary>Rollout commands only: which rollout and wave the command belongs to.</summary>
    public CommandRollout? Rollout { get; init; }
}

/// <summary>The rollout a command belongs to: the caller's rollout id, the wave's number (from 1) and name.</summary>
public sealed record CommandRollout(string Id, int Wave, string Name);

/// <summary>What the deploy agent is asked to do. Serialized as "revert" | "remediate" | "promote".</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CommandType>))]
public enum CommandType
{
    /// <summary>Deploy the release's previous version again.</summary>
    Revert,

    /// <summary>Run the named remediation (<see cref="ReleaseCommand.Action"/>), e.g. rerun a batch job.</summary>
    Remediate,

    /// <summary>
    /// Rollouts: deploy the release to the orgs of the next wave (<see cref="ReleaseCommand.Orgs"/>); the previous wave
    /// passed its gate. The result ("succeeded" once every org of the wave is deployed) starts the wave's watches.
    /// </summary>
    Promote,
}

/// <summary>A named remediation (e.g. "rerun-batch") with its parameters, from the policy's onBreach.</summary>
public sealed record CommandAction(string Name, IReadOnlyDictionary<string, string>? Parameters);

/// <summary>The deployment a command is about.</summary>
public sealed record CommandDeployment(string Id, DateTimeOffset CompletedAt, PipelineRef? Pipeline);

/// <summary>The evidence behind a command: the metric that breached and the numbers it was judged on.</summary>
public sealed record CommandReason(string Metric, double? Observed, double? Baseline, string Threshold, string Window);

/// <summary>The body of a message on the "release-command-results" queue.</summary>
public sealed record CommandResult(string CommandId, CommandResultStatus Status, string? Detail, DateTimeOffset CompletedAt);

/// <summary>What the deploy agent reports. Serialized as "succeeded" | "failed" | "rejected".</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CommandResultStatus>))]
public enum CommandResultStatus
{
    Succeeded,
    Failed,
    Rejected,
}
