using ReleaseWatch.Deployments;

namespace ReleaseWatch.Commands;

/// <summary>The deployment a command is about.</summary>
public sealed record CommandDeployment(string Id, DateTimeOffset CompletedAt, PipelineRef? Pipeline);
