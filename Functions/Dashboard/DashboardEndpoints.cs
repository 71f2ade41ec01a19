using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Judging;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Storage;
using static ReleaseWatch.Functions.Dashboard.DashboardHtml;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// The dashboard's pages, server-rendered from the same stored records the JSON API serves: the watches list
/// (live), a watch, its action confirmation, and an org; the back-test and rollout pages join the same group. Every route
/// passes <see cref="DashboardAccessFilter"/>.
/// </summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapDashboardAssets();
        var pages = app.MapGroup("").AddEndpointFilter<DashboardAccessFilter>().ExcludeFromDescription();
        pages.MapGet("/watches", ListAsync);
        pages.MapGet("/watches/rows", RowsAsync);
        pages.MapGet("/watches/{id}", WatchAsync);
        pages.MapGet("/watches/{id}/confirm", ConfirmAsync);
        pages.MapPost("/watches/{id}/actions", ActAsync);
        pages.MapGet("/orgs/{id}", OrgAsync);
        pages.MapBacktest();
        pages.MapRolloutPages();
        return pages;
    }

    public static async Task<IResult> ListAsync(HttpContext context, IWatchStore store, IOptions<SignalCaptureOrgs> orgs, string? org, string? phase, CancellationToken cancellationToken)
    {
        var (summaries, next, orgFilter, phaseFilter) = await ReadListAsync(context, store, org, phase, cancellationToken);
        return Page("Watches", DashboardUser.Of(context), WatchListHtml.Body(summaries, orgFilter, phaseFilter, orgs.Value.Orgs.Select(o => (o.Id, o.Name)), next));
    }

    /// <summary>The list's rows alone, for the live update.</summary>
    public static async Task<IResult> RowsAsync(HttpContext context, IWatchStore store, string? org, string? phase, CancellationToken cancellationToken)
    {
        var (summaries, _, _, _) = await ReadListAsync(context, store, org, phase, cancellationToken);
        return Results.Content(WatchListHtml.Rows(summaries), "text/html; charset=utf-8");
    }

    public static async Task<IResult> WatchAsync(string id, HttpContext context, WatchViewReader reader, string? done, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        return await reader.ReadAsync(id, cancellationToken) is { } page
            ? Page($"{page.State.Org.Name} {page.State.Deployment.Release.Version}", user, WatchPageHtml.Body(page, done is null ? null : $"Done: {done}."))
            : Page("Not found", user, $"<h1>No watch '{E(id)}'</h1>", StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> ConfirmAsync(string id, string? action, HttpContext context, WatchViewReader reader, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        if (await reader.ReadAsync(id, cancellationToken) is not { } page)
        {
            return Page("Not found", user, $"<h1>No watch '{E(id)}'</h1>", StatusCodes.Status404NotFound);
        }

        if (action is null || !page.Actions.Contains(action))
        {
            return Page("Not allowed", user, $"<h1>{E(action ?? "No action")} is not possible now</h1><p>The watch is {E(page.State.Phase.ToString())}. <a href=\"/watches/{E(id)}\">Back</a></p>", StatusCodes.Status409Conflict);
        }

        return Page("Confirm", user, ConfirmHtml.Body(page, action, user, antiforgery.GetAndStoreTokens(context)));
    }

    /// <summary>The confirmed form: signed server-side for the signed-in user and sent to POST /api/watches/{id}/actions, the same path a pipeline uses.</summary>
    public static async Task<IResult> ActAsync(string id, [FromForm] string action, [FromForm] int? minutes, [FromForm] string? reason, HttpContext context,
        DashboardActionSigner signer, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        var body = new JsonObject { ["action"] = action, ["actor"] = user.Name, ["minutes"] = minutes, ["reason"] = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() };
        return await signer.PostAsync($"api/watches/{Uri.EscapeDataString(id)}/actions", body, cancellationToken) is { } refused
            ? Page("Not done", user, $"<h1>The watch did not take the action</h1><p role=\"alert\">{E(refused.Detail)}</p><p><a href=\"/watches/{E(id)}\">Back to the watch</a></p>", refused.Status)
            : Results.Redirect($"/watches/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(action)}", permanent: false, preserveMethod: false);
    }

    public static async Task<IResult> OrgAsync(string id, HttpContext context, StreamStateStore streams, IOptions<SignalCaptureOrgs> orgs, PolicyCatalog policies, ISignalSources sources,
        IOptions<StreamHealthOptions> health, ISignalReader signals, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = DashboardUser.Of(context);
        if (await OrgsApi.GetSignalsAsync(id, streams, orgs, policies, sources, health, signals, time, cancellationToken) is not { Result: Ok<OrgSignalsResponse> { Value: { } org } })
        {
            return Page("Not found", user, $"<h1>No org '{E(id)}'</h1>", StatusCodes.Status404NotFound);
        }

        var options = orgs.Value.Orgs.First(o => o.Id == id);
        var now = time.GetUtcNow();
        var names = policies.TryResolve(null, options.Policy, out var policy)
            ? policy.Metrics.SelectMany(m => m.Denominator is { } d ? new[] { m.Signal, d } : [m.Signal]).Distinct(StringComparer.Ordinal)
            : [];
        var windows = new List<SignalWindow>();
        foreach (var signal in names)
        {
            windows.Add(await signals.ReadAsync(id, signal, SignalKeys.MinuteStart(now).AddMinutes(-59), SignalKeys.MinuteStart(now).AddMinutes(1), cancellationToken));
        }

        return Page(options.Name, user, OrgPageHtml.Body(options.Name, org, windows, now, health.Value));
    }

    private static async Task<(IReadOnlyList<WatchSummary>, string?, string?, WatchPhase?)> ReadListAsync(HttpContext context, IWatchStore store, string? org, string? phase, CancellationToken cancellationToken)
    {
        var orgFilter = string.IsNullOrEmpty(org) || !Deployments.SalesforceOrgId.IsValid(org) ? null : org;
        WatchPhase? phaseFilter = Enum.TryParse<WatchPhase>(phase, ignoreCase: true, out var parsed) && !int.TryParse(phase, out _) ? parsed : null;
        var page = await store.ListAsync(orgFilter, phaseFilter, 50, context.Request.Query["continuation"].FirstOrDefault(), cancellationToken);
        var next = page.ContinuationToken is { } token
            ? "/watches" + QueryString.Create(new Dictionary<string, string?> { ["org"] = orgFilter, ["phase"] = phaseFilter?.ToString(), ["continuation"] = token }.Where(p => p.Value is not null))
            : null;
        return ([.. page.Watches.Select(WatchSummary.Of)], next, orgFilter, phaseFilter);
    }
}
