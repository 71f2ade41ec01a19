using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions;

/// <summary>
/// Deployment intake over HTTP: the native webhook (POST /api/deployments, the Deployments function) and, standalone,
/// Event Grid's endpoint (/api/events): its two validation handshakes and deliveries of ReleaseWatch.DeploymentCompleted.
/// Bad input changes nothing and answers problem+json: 400 fields, 401 signature or key, 413 size, 415 media type, 422 org or policy.
/// </summary>
internal static class DeploymentsApi
{
    private static readonly string[] EventMediaTypes = ["application/json", "application/cloudevents+json", "application/cloudevents-batch+json"];

    public static RouteGroupBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/deployments", PostDeploymentAsync).WithName("Deployments").AddEndpointFilter<SignedJsonFilter>();
        api.MapPost("/events", PostEventsAsync);
        api.MapMethods("/events", [HttpMethods.Options], ValidateCloudEvents);
        return api;
    }

    /// <summary>The native webhook, after <see cref="SignedJsonFilter"/>: the fields (400), then the org and policy (422).</summary>
    public static async Task<Results<Accepted<WatchSummary>, Ok<WatchSummary>, ProblemHttpResult>> PostDeploymentAsync(
        HttpRequest request, DeploymentIntake intake, ILogger<DeploymentIntake> logger, CancellationToken cancellationToken)
    {
        var read = DeploymentNoticeReader.Read(request.SignedBody());
        if (!read.IsValid)
        {
            ApiLogs.Refused(logger, request.Path.Value ?? "", StatusCodes.Status400BadRequest, string.Join(",", read.Errors.Keys));
            return Problems.Invalid(read.Errors.ToDictionary());
        }

        var result = await intake.AcceptAsync(read.Notice!, "webhook", cancellationToken);
        return result.Outcome switch
        {
            IntakeOutcome.Created => TypedResults.Accepted($"/api/watches/{result.Watch!.WatchId}", WatchSummary.Of(result.Watch)),
            IntakeOutcome.Existing => TypedResults.Ok(WatchSummary.Of(result.Watch!)),
            IntakeOutcome.Invalid when result.Errors is { } errors => Problems.Invalid(errors.ToDictionary()),
            _ => Problems.Unprocessable(result.Detail ?? result.Outcome.ToString()),
        };
    }

    /// <summary>Standalone Event Grid: the Event Grid-schema handshake (validationCode → validationResponse), or a delivery accepted whole or refused whole.</summary>
    public static async Task<Results<Ok<EventGridAccepted>, Ok<EventGridValidation>, ProblemHttpResult>> PostEventsAsync(
        HttpRequest request, EventGridIntake intake, IOptions<IntakeOptions> options, ILogger<EventGridIntake> logger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (KeyProblem(request, settings) is { } problem)
        {
            ApiLogs.Refused(logger, "/api/events", problem.StatusCode, "event grid key");
            return problem;
        }

        if (!RequestBody.HasMediaType(request, EventMediaTypes))
        {
            return Problems.UnsupportedMediaType(request.ContentType, string.Join(" or ", EventMediaTypes));
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(settings.MaxBodyBytes);
        }

        var delivery = EventGridDeliveries.Read(BinaryData.FromBytes(body));
        if (delivery.ValidationCode is { } code)
        {
            ApiLogs.Validated(logger, "eventgrid");
            return TypedResults.Ok(new EventGridValidation(code));
        }

        var (accepted, refused) = await AcceptAsync(intake, delivery, logger, cancellationToken);
        return refused is not null ? refused : TypedResults.Ok(accepted!);
    }

    /// <summary>The CloudEvents 1.0 abuse-protection handshake: OPTIONS with WebHook-Request-Origin → WebHook-Allowed-Origin.</summary>
    public static Results<AllowedOrigin, ProblemHttpResult> ValidateCloudEvents(HttpRequest request, IOptions<IntakeOptions> options, ILogger<EventGridIntake> logger)
    {
        if (KeyProblem(request, options.Value) is { } problem)
        {
            return problem;
        }

        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrWhiteSpace(origin))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["WebHook-Request-Origin"] = ["Required for the CloudEvents validation handshake."] });
        }

        ApiLogs.Validated(logger, "cloudevents");
        return new AllowedOrigin(origin);
    }

    /// <summary>A delivery's notices taken (all or none), shared by /api/events and the host's eventGridTrigger invocation.</summary>
    internal static async Task<(EventGridAccepted? Accepted, ProblemHttpResult? Refused)> AcceptAsync(
        EventGridIntake intake, EventGridDelivery delivery, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var type in delivery.IgnoredTypes)
        {
            ApiLogs.IgnoredEvent(logger, type);
        }

        var acceptance = await intake.AcceptAsync(delivery, cancellationToken);
        if (acceptance.Errors.Count > 0)
        {
            return (null, Problems.Invalid(acceptance.Errors.ToDictionary()));
        }

        return acceptance.Refusal is { } refusal
            ? (null, Problems.Unprocessable(refusal))
            : (new EventGridAccepted([.. acceptance.Watches.Select(WatchSummary.Of)], delivery.IgnoredTypes), null);
    }

    private static ProblemHttpResult? KeyProblem(HttpRequest request, IntakeOptions settings)
    {
        if (string.IsNullOrEmpty(settings.EventGridKey))
        {
            return Problems.Unavailable("Event Grid intake is off: set ReleaseWatch:Intake:EventGridKey and put ?key=<it> in the subscription's endpoint URL.");
        }

        var presented = request.Query["key"].FirstOrDefault() ?? request.Headers["X-ReleaseWatch-Key"].FirstOrDefault() ?? "";
        var ok = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(settings.EventGridKey)));
        return ok ? null : Problems.Unauthorized("Present the Event Grid key as ?key=… (the subscription's endpoint URL) or X-ReleaseWatch-Key.");
    }
}

/// <summary>The watches a delivery started or found again, and event types it ignored.</summary>
internal sealed record EventGridAccepted(IReadOnlyList<WatchSummary> Watches, IReadOnlyList<string> Ignored);

/// <summary>The Event Grid-schema validation answer.</summary>
internal sealed record EventGridValidation(string ValidationResponse);

/// <summary>The CloudEvents webhook validation answer: 200 with WebHook-Allowed-Origin echoing the requester.</summary>
internal sealed class AllowedOrigin(string origin) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        httpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return Task.CompletedTask;
    }
}
