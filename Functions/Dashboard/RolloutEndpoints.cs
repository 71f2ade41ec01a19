using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Rollouts.Deciding;
using ReleaseWatch.Rollouts.Storage;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// The rollouts in the dashboard: the list, a rollout (waves, per-org standing and reasons, links to each org's
/// watch, commands, history), and operator actions (pause, resume, skip an org, abort) confirmed on a page and then
/// signed server-side for the signed-in user and sent to POST /api/rollouts/{id}/actions, as the watch actions are.
/// </summary>
internal static class RolloutEndpoints
{
    public static RouteGroupBuilder MapRolloutPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/rollouts", ListAsync);
        pages.MapGet("/rollouts/{id}", RolloutAsync);
        pages.MapGet("/rollouts/{id}/confirm", ConfirmAsync);
        pages.MapPost("/rollouts/{id}/actions", ActAsync);
        return pages;
    }

    public static async Task<IResult> ListAsync(HttpContext context, RolloutList rollouts, CancellationToken cancellationToken) =>
        Page("Rollouts", DashboardUser.Of(context), RolloutPageHtml.List(await rollouts.ReadAsync(100, cancellationToken)));

    public static async Task<IResult> RolloutAsync(string id, HttpContext context, IRolloutStore store, string? done, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        if (await ReadAsync(id, store, cancellationToken) is not { } state)
        {
            return NotFound(id, user);
        }

        var history = await store.GetHistoryAsync(state.Key, cancellationToken);
        return Page($"Rollout {state.RolloutId}", user, RolloutPageHtml.Body(state, history, done is null ? null : $"Done: {done}."));
    }

    public static async Task<IResult> ConfirmAsync(string id, string? action, string? org, HttpContext context, IRolloutStore store, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        if (await ReadAsync(id, store, cancellationToken) is not { } state)
        {
            return NotFound(id, user);
        }

        var allowed = action == "skip" ? org is not null && RolloutActions.Skippable(state).Contains(org) : action is not null && RolloutActions.For(state).Contains(action);
        if (!allowed)
        {
            return Page("Not allowed", user, $"<h1>{E(action ?? "No action")} is not possible now</h1><p>The rollout is {E(state.Phase.ToString())}{(state.Paused ? ", paused" : "")}. <a href=\"/rollouts/{E(id)}\">Back</a></p>", StatusCodes.Status409Conflict);
        }

        return Page("Confirm", user, RolloutPageHtml.Confirm(state, action!, action == "skip" ? org : null, user, antiforgery.GetAndStoreTokens(context)));
    }

    public static async Task<IResult> ActAsync(string id, [FromForm] string action, [FromForm] string? org, [FromForm] string? reason, HttpContext context,
        DashboardActionSigner signer, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        var body = new JsonObject { ["action"] = action, ["actor"] = user.Name, ["org"] = org, ["reason"] = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() };
        return await signer.PostAsync($"api/rollouts/{Uri.EscapeDataString(id)}/actions", body, cancellationToken) is { } refused
            ? Page("Not done", user, $"<h1>The rollout did not take the action</h1><p role=\"alert\">{E(refused.Detail)}</p><p><a href=\"/rollouts/{E(id)}\">Back to the rollout</a></p>", refused.Status)
            : Results.Redirect($"/rollouts/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(action)}", permanent: false, preserveMethod: false);
    }

    private static async Task<RolloutState?> ReadAsync(string id, IRolloutStore store, CancellationToken cancellationToken) =>
        id.Length is > 0 and <= 128 && await store.GetAsync(RolloutKey.For(id), cancellationToken) is { } stored && stored.State.RolloutId == id ? stored.State : null;

    private static IResult NotFound(string id, DashboardUser user) => Page("Not found", user, $"<h1>No rollout '{E(id)}'</h1>", StatusCodes.Status404NotFound);
}
