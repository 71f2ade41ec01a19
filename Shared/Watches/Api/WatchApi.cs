using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;
using ReleaseWatch.Hosting;
using ReleaseWatch.Intake;
using ReleaseWatch.Watches.Events;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Api;

/// <summary>The watch API: read a watch with its history, list watches, and operator actions.</summary>
internal static class WatchApi
{
    private const int MaxPageSize = 100;

    public static async Task<IResult> GetAsync(string id, IWatchStore store, CancellationToken cancellationToken)
    {
        var stored = WatchId.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (stored is null)
        {
            return Problems.NotFound($"No watch '{id}'.");
        }

        var history = await store.GetHistoryAsync(id, cancellationToken);
        var outbox = await store.GetOutboxAsync(id, cancellationToken);
        return TypedResults.Json(new WatchRecord(WatchSummary.Of(stored.State), stored.State, history, outbox), ReleaseWatchJson.Options);
    }

    public static async Task<IResult> ListAsync(HttpRequest request, IWatchStore store, CancellationToken cancellationToken)
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
            var nextQuery = QueryString.Create(new Dictionary<string, string?> { ["org"] = org, ["phase"] = phase?.ToString(), ["pageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ["continuation"] = token }
                .Where(p => p.Value is not null));
            next = "/api/watches" + nextQuery;
        }

        return TypedResults.Json(new WatchList([.. page.Watches.Select(WatchSummary.Of)], next), ReleaseWatchJson.Options);
    }

    public static async Task<IResult> ActAsync(string id, HttpRequest request, WatchRunner runner, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!RequestBody.HasMediaType(request, "application/json"))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(settings.MaxBodyBytes);
        }

        if (!WebhookSignature.IsValid(body, request.Headers[WebhookSignature.HeaderName].ToString(), [settings.SigningSecret, settings.SigningSecretNext]))
        {
            return Problems.Unauthorized($"Sign the raw body with HMAC-SHA256, as for the deployment webhook ('{WebhookSignature.HeaderName}: sha256=<hex>').");
        }

        var (acted, errors) = Read(body);
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
                : TypedResults.Json(WatchSummary.Of(decision.State), ReleaseWatchJson.Options);
        }
        catch (WatchTransitionException ex)
        {
            return Problems.Conflict(ex.Message);
        }
    }

    private static (OperatorActed? Acted, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>();
        OperatorActionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<OperatorActionRequest>(body, ReleaseWatchJson.Options);
        }
        catch (JsonException ex)
        {
            errors["$"] = [$"The body is not valid JSON: {ex.Message}"];
            return (null, errors);
        }

        OperatorActionKind? kind = request?.Action switch
        {
            "abort" => OperatorActionKind.Abort,
            "extend" => OperatorActionKind.Extend,
            "approve-revert" => OperatorActionKind.ApproveRevert,
            _ => null,
        };
        if (kind is null)
        {
            errors["action"] = ["Must be one of abort, extend, approve-revert."];
        }

        if (string.IsNullOrWhiteSpace(request?.Actor) || request.Actor.Length > 128)
        {
            errors["actor"] = ["Required: who acts (at most 128 characters)."];
        }

        if (kind == OperatorActionKind.Extend && request?.Minutes is not (>= 1 and <= 1440))
        {
            errors["minutes"] = ["Required for extend: 1 to 1440."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new OperatorActed(kind!.Value, request!.Actor!.Trim(), kind == OperatorActionKind.Extend ? TimeSpan.FromMinutes(request.Minutes!.Value) : null, request.Reason), errors);
    }
}
