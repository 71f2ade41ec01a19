using Microsoft.AspNetCore.Http.HttpResults;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Runtime;
using ReleaseWatch.Rollouts.Storage;

namespace ReleaseWatch.Functions.Rollouts;

/// <summary>
/// The rollout API (Rollouts and RolloutActions functions): start a rollout (signed like the webhook, idempotent by
/// rollout id), read it with its waves, per-org standing and history, and operator actions (signed like the watch actions).
/// </summary>
internal static class RolloutsApi
{
    public static RouteGroupBuilder MapRolloutsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rollouts", PostAsync).WithName("Rollouts").AddEndpointFilter<SignedJsonFilter>();
        var api = app.MapGroup("/api/rollouts");
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/actions", ActAsync).AddEndpointFilter<SignedJsonFilter>().WithMetadata(new SignedRequestMetadata());
        return api;
    }

    /// <summary>POST /api/rollouts: 202 with the new rollout, 200 with the existing one of that id, 400 naming every bad field, 409 for an id reused with another plan.</summary>
    public static async Task<Results<Accepted<RolloutSummary>, Ok<RolloutSummary>, ProblemHttpResult>> PostAsync(
        HttpRequest request, RolloutRequestReader reader, RolloutRunner runner, ILogger<RolloutRunner> logger, CancellationToken cancellationToken)
    {
        var (plan, errors) = reader.Read(request.SignedBody());
        if (plan is null)
        {
            ApiLogs.Refused(logger, "/api/rollouts", StatusCodes.Status400BadRequest, string.Join(",", errors.Keys));
            return Problems.Invalid(errors);
        }

        var (state, created) = await runner.StartAsync(new RolloutRequested(plan, "api"), cancellationToken);
        if (created)
        {
            return TypedResults.Accepted($"/api/rollouts/{Uri.EscapeDataString(state.RolloutId)}", RolloutSummary.Of(state));
        }

        return SamePlan(plan, state)
            ? TypedResults.Ok(RolloutSummary.Of(state))
            : Problems.Conflict($"Rollout '{plan.RolloutId}' exists with another release or other waves; choose a new rolloutId.");
    }

    /// <summary>GET /api/rollouts/{id}: the state (waves, per-org standing and reasons) and every history entry.</summary>
    public static async Task<Results<Ok<RolloutRecord>, ProblemHttpResult>> GetAsync(string id, IRolloutStore store, CancellationToken cancellationToken)
    {
        var key = RolloutKey.For(id);
        var stored = await store.GetAsync(key, cancellationToken);
        if (stored is null || stored.State.RolloutId != id)
        {
            return Problems.NotFound($"No rollout '{id}'.");
        }

        return TypedResults.Ok(new RolloutRecord(RolloutSummary.Of(stored.State), stored.State, await store.GetHistoryAsync(key, cancellationToken)));
    }

    /// <summary>
    /// POST /api/rollouts/{id}/actions: {"action": "pause" | "resume" | "skip" | "abort", "actor", "org"? (skip), "reason"?}.
    /// Bad fields 400, no such rollout 404, an action the rollout cannot take 409 with the reason.
    /// </summary>
    public static async Task<Results<Ok<RolloutSummary>, ProblemHttpResult>> ActAsync(string id, HttpRequest request, RolloutRunner runner, CancellationToken cancellationToken)
    {
        var (acted, errors) = RolloutActionReader.Read(request.SignedBody());
        if (acted is null)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var decision = await runner.ApplyAsync(RolloutKey.For(id), acted, cancellationToken);
            return decision is null || decision.State.RolloutId != id
                ? Problems.NotFound($"No rollout '{id}'.")
                : TypedResults.Ok(RolloutSummary.Of(decision.State));
        }
        catch (RolloutTransitionException ex)
        {
            return Problems.Conflict(ex.Message);
        }
    }

    private static bool SamePlan(RolloutPlan plan, RolloutState state) =>
        plan.Release == state.Release && plan.Waves.Count == state.Waves.Count &&
        plan.Waves.Zip(state.Waves).All(p => p.First.Orgs.Select(o => o.Org.Id).SequenceEqual(p.Second.Orgs.Select(o => o.Org.Id)));
}

/// <summary>GET /api/rollouts/{id}: the summary, the whole state and the history.</summary>
internal sealed record RolloutRecord(RolloutSummary Summary, RolloutState State, IReadOnlyList<RolloutHistoryEntry> History);
