using ReleaseWatch.Deployments;

namespace ReleaseWatch.Watches.Events;

/// <summary>The pipeline said a deployment finished; the watch begins. <paramref name="PolicyName"/> was chosen at intake.</summary>
public sealed record DeploymentReceived(DeploymentNotice Deployment, string PolicyName, string Via) : WatchEvent;
