using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ReleaseWatch.Deployments;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Deciding;
using ReleaseWatch.Watches.Runtime;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Functions;

/// <summary>
/// The watch API: read a watch with its history and evidence (Watches function), list watches by org and phase,
/// and operator actions (WatchActions function), signed with their method, path and time (see <see cref="ReleaseWatch.Intake.RequestSignature"/>).
/// </summary>
internal static class WatchesApi
{
    private const int MaxPageSize = 100;

    public static RouteGroupBuilder MapWatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/watches");
        api.MapGet("", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/actions", ActAsync).AddEndpointFilter<SignedJsonFilter>().WithMetadata(new SignedRequestMetadata());
        return api;
    }

    /// <summary>GET /api/watches/{id}: the state, every history entry (each verdict with its evidence) and the outbox.</summary>
    public static async Task<Results<Ok<WatchRecord>, ProblemHttpResult>> GetAsync(string id, IWatchStore store, CancellationToken cancellationToken)
    {
        var stored = WatchId.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (stored is null)
        {
            return Problems.NotFound($"No watch '{id}'.");
        }

        var history = await store.GetHistoryAsync(id, cancellationToken);
        var outbox = await store.GetOutboxAsync(id, cancellationToken);
        return TypedResults.Ok(new WatchRecord(WatchSummary.Of(stored.State), stored.State, history, outbox));
    }

    /// <summary>GET /api/watches?org=&amp;phase=&amp;pageSize=&amp;continuation=: one page, newest update first, and the link to the next.</summary>
    public static async Task<Results<Ok<WatchList>, ProblemHttpResult>> ListAsync(HttpRequest request, IWatchStore store, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        WatchPhase? phase = null;
        if (query.TryGetValue("phase", out var phaseText) && !string.IsNullOrEmpty(phaseText))
        {
            if (Enum.TryParse<WatchPhase>(phaseText, ignoreCase: true, out var parsed) && !int.TryParse(phaseText, out _))
            {
                phase = parsed;
            }
            else
            {
                errors["phase"] = [$"Must be one of {string.Join(", ", Enum.GetNames<WatchPhase>())}."];
            }
        }

        var org = query.TryGetValue("org", out var orgText) && !string.IsNullOrEmpty(orgText) ? orgText.ToString() : null;
        if (org is not null && !SalesforceOrgId.IsValid(org))
        {
            errors["org"] = ["Must be a 15- or 18-character Salesforce org id."];
        }

        var pageSize = 50;
        if (query.TryGetValue("pageSize", out var sizeText) && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"Must be a whole number from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var page = await store.ListAsync(org, phase, pageSize, query["continuation"].FirstOrDefault(), cancellationToken);
        string? next = null;
        if (page.ContinuationToken is { } token)
        {
            var nextQuery = QueryString.Create(new Dictionary<string, string?> { ["org"] = org, ["phase"] = phase?.ToString(), ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture), ["continuation"] = token }
                .Where(p => p.Value is not null));
            next = "/api/watches" + nextQuery;
        }

        return TypedResults.Ok(new WatchList([.. page.Watches.Select(WatchSummary.Of)], next));
    }

    /// <summary>
    /// POST /api/watches/{id}/actions, after <see cref="SignedJsonFilter"/>: {"action": "abort" | "extend" | "approve-revert",
    /// "actor", "minutes"?, "reason"?}. Bad fields 400, no such watch 404, an action the phase does not allow 409 with the reason.
    /// </summary>
    public static async Task<Results<Ok<WatchSummary>, ProblemHttpResult>> ActAsync(string id, HttpRequest request, WatchRunner runner, CancellationToken cancellationToken)
    {
        var (acted, errors) = OperatorActionReader.Read(request.SignedBody());
        if (acted is null)
        {
            return Problems.Invalid(errors);
        }

        if (!WatchId.IsWellFormed(id))
        {
            return Problems.NotFound($"No watch '{id}'.");
        }

        try
        {
            var decision = await runner.ApplyAsync(id, acted, cancellationToken);
            return decision is null
                ? Problems.NotFound($"No watch '{id}'.")
                : TypedResults.Ok(WatchSummary.Of(decision.State));
        }
        catch (WatchTransitionException ex)
        {
            return Problems.Conflict(ex.Message);
        }
    }
}

/// <summary>GET /api/watches/{id}: the state, every history entry (with each verdict's evidence) and the outbox.</summary>
internal sealed record WatchRecord(WatchSummary Summary, WatchState State, IReadOnlyList<HistoryEntry> History, IReadOnlyList<OutboxItem> Outbox);

/// <summary>GET /api/watches: one page, and the link to the next.</summary>
internal sealed record WatchList(IReadOnlyList<WatchSummary> Watches, string? Next);
