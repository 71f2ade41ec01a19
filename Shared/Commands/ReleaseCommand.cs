using ReleaseWatch.Deployments;

namespace ReleaseWatch.Commands;

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
}
