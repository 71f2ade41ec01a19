using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake.Input;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Intake;

/// <summary>
/// Accepts a validated deployment notice (from the webhook, Event Grid or another source): checks its completion time
/// against the clock, the org and the policy, starts the watch idempotently, and supersedes the org's older running watches.
/// </summary>
internal sealed class DeploymentIntake(
    IOrgCatalog orgs, PolicyCatalog policies, WatchRunner runner, IWatchStore store, TimeProvider time, IOptions<IntakeOptions> options, ILogger<DeploymentIntake> logger)
{
    /// <summary>
    /// Why the notice would be refused (completion time out of bounds, unknown org or policy), or null when it would be
    /// accepted. A deployment accepted before is never refused: its redelivery (a pipeline or Event Grid retry, perhaps a
    /// day later) is looked up by its idempotency key first and gets the answer the first delivery got. Stores nothing.
    /// </summary>
    public async Task<IntakeResult?> CheckAsync(DeploymentNotice notice, string via, CancellationToken cancellationToken) =>
        await FindAcceptedAsync(notice, cancellationToken) is not null ? null : Refusal(notice, via);

    public async Task<IntakeResult> AcceptAsync(DeploymentNotice notice, string via, CancellationToken cancellationToken)
    {
        if (await FindAcceptedAsync(notice, cancellationToken) is { } accepted)
        {
            IntakeLogs.Accepted(logger, accepted.WatchId, false, via);
            return new IntakeResult(IntakeOutcome.Existing, await SupersedeAsync(accepted, cancellationToken), null);
        }

        if (Refusal(notice, via) is { } refused)
        {
            return refused;
        }

        var org = orgs.Find(notice.Org.Id)!;
        var policyName = PolicyOf(notice, org);

        // The org's configured identity is authoritative; the pipeline only names it.
        var canonical = notice with { Org = new OrgRef(org.Id, org.Name, org.Environment) };
        var watchId = WatchId.For(org.Id, notice.DeploymentId);
        var (watch, created) = await runner.StartAsync(watchId, new DeploymentReceived(canonical, policyName, via), cancellationToken);
        IntakeLogs.Accepted(logger, watchId, created, via);

        // Also on a repeat: a first delivery that died before superseding is completed by the next one.
        watch = await SupersedeAsync(watch, cancellationToken);
        return new IntakeResult(created ? IntakeOutcome.Created : IntakeOutcome.Existing, watch, null);
    }

    /// <summary>The watch this deployment started before (by its idempotency key: the configured org and the deployment id), or null.</summary>
    private async Task<WatchState?> FindAcceptedAsync(DeploymentNotice notice, CancellationToken cancellationToken) =>
        orgs.Find(notice.Org.Id) is { } org ? (await store.GetAsync(WatchId.For(org.Id, notice.DeploymentId), cancellationToken))?.State : null;

    private IntakeResult? Refusal(DeploymentNotice notice, string via)
    {
        if (CompletionBounds.Check(notice.CompletedAt, time.GetUtcNow(), options.Value.MaxDeploymentAge, options.Value.MaxClockSkew) is { } outOfBounds)
        {
            IntakeLogs.OutOfBounds(logger, notice.CompletedAt, via);
            return new IntakeResult(IntakeOutcome.Invalid, null, outOfBounds, new Dictionary<string, string[]> { ["completedAt"] = [outOfBounds] });
        }

        var org = orgs.Find(notice.Org.Id);
        if (org is null)
        {
            IntakeLogs.UnknownOrg(logger, notice.Org.Id, via);
            return new IntakeResult(IntakeOutcome.UnknownOrg, null, $"Org {notice.Org.Id} is not configured in ReleaseWatch:Orgs.");
        }

        var policyName = PolicyOf(notice, org);
        if (!policies.TryGet(policyName, out _))
        {
            IntakeLogs.UnknownPolicy(logger, policyName, via);
            return new IntakeResult(IntakeOutcome.UnknownPolicy, null, $"Policy '{policyName}' is not configured in ReleaseWatch:Policies.");
        }

        return null;
    }

    private async Task<WatchState> SupersedeAsync(WatchState watch, CancellationToken cancellationToken)
    {
        foreach (var other in await store.ListOpenAsync(watch.Org.Id, cancellationToken))
        {
            if (other.WatchId == watch.WatchId || !other.Phase.IsSupersedable())
            {
                continue;
            }

            var (older, newer) = IsNewer(watch, other) ? (other, watch) : (watch, other);
            await runner.ApplyAsync(older.WatchId, new Superseded(newer.WatchId, newer.Deployment.DeploymentId), cancellationToken);
            IntakeLogs.Superseded(logger, older.WatchId, newer.WatchId);
        }

        return (await store.GetAsync(watch.WatchId, cancellationToken))?.State ?? watch;
    }

    private static string PolicyOf(DeploymentNotice notice, OrgOptions org) => notice.Policy ?? org.Policy ?? PolicyCatalog.DefaultPolicyName;

    /// <summary>Newer by completion time; ties by receipt, then id, so every instance agrees.</summary>
    private static bool IsNewer(WatchState a, WatchState b) =>
        (a.Deployment.CompletedAt, a.ReceivedAt, a.WatchId).CompareTo((b.Deployment.CompletedAt, b.ReceivedAt, b.WatchId)) > 0;
}

/// <summary>The outcome of a notice, with the watch when there is one, and for <see cref="IntakeOutcome.Invalid"/> the bad fields by JSON path.</summary>
internal sealed record IntakeResult(IntakeOutcome Outcome, WatchState? Watch, string? Detail, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>What became of a deployment notice.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<IntakeOutcome>))]
internal enum IntakeOutcome
{
    /// <summary>A new watch started.</summary>
    Created,
    /// <summary>The same deployment was delivered before: its watch is returned, nothing changed.</summary>
    Existing,
    /// <summary>The org is not configured; nothing stored.</summary>
    UnknownOrg,
    /// <summary>The named policy does not exist; nothing stored.</summary>
    UnknownPolicy,
    /// <summary>A field is well-formed but not acceptable (e.g. completedAt far in the past or future); nothing stored.</summary>
    Invalid,
}
