using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Intake;
using ReleaseWatch.Intake.Sources;
using ReleaseWatch.Intake.Sources.AzureDevOps;
using ReleaseWatch.Intake.Sources.DevOpsCenter;
using ReleaseWatch.Intake.Sources.Gearset;
using ReleaseWatch.Intake.Sources.GitHub;
using SourceResults = Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Accepted<ReleaseWatch.Functions.WatchSummary>, Microsoft.AspNetCore.Http.HttpResults.Ok<ReleaseWatch.Functions.WatchSummary>, Microsoft.AspNetCore.Http.HttpResults.Accepted<ReleaseWatch.Functions.Sources.SourceAnswer>, Microsoft.AspNetCore.Http.HttpResults.Ok<ReleaseWatch.Functions.Sources.SourceAnswer>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult, ReleaseWatch.Functions.Sources.BasicChallenge>;

namespace ReleaseWatch.Functions.Sources;

/// <summary>
/// Native notifications, each checked the way its sender proves itself before anything is read: GitHub
/// (POST /api/sources/github, X-Hub-Signature-256), Azure DevOps service hooks (POST /api/sources/azure-devops, HTTP Basic)
/// and Gearset (POST /api/sources/gearset[/{key}], a secret path segment or HTTP Basic); and, under the Functions host, the
/// DevOpsCenterPump timer. Answers: 202 a new watch, 200 the same watch again, 202 ignored (with the reason), 400 bad fields,
/// 401 bad credentials, 415/413 media type or size, 422 no mapping for what was reported, 503 the sender is not configured.
/// </summary>
internal static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sources");
        api.MapPost("/github", PostGitHubAsync).WithName("GitHubDeployments");
        api.MapPost("/azure-devops", PostAzureDevOpsAsync).WithName("AzureDevOpsDeployments");
        // The key is a path segment for Gearset's standard payload; without it Basic credentials must prove the sender.
        api.MapPost("/gearset/{key}", PostGearsetAsync).WithName("GearsetDeployments");
        api.MapPost("/gearset", PostGearsetWithoutKeyAsync);
        app.MapPost("/DevOpsCenterPump", PumpDevOpsCenterAsync);
        return api;
    }

    /// <summary>GitHub: the signature over the raw body first (401), then ping (200), then deployment_status (others 202 ignored).</summary>
    public static async Task<SourceResults> PostGitHubAsync(
        HttpRequest request, SourceIntake intake, IOptions<SourcesOptions> sources, IOptions<IntakeOptions> intakeOptions, ILogger<SourceIntake> logger, CancellationToken cancellationToken)
    {
        var github = sources.Value.GitHub;
        if (string.IsNullOrEmpty(github.Secret))
        {
            return Problems.Unavailable("GitHub intake is off: set ReleaseWatch:Sources:GitHub:Secret to the webhook's secret.");
        }

        var (body, refused) = await ReadJsonAsync(request, intakeOptions.Value.MaxBodyBytes, "in the webhook's settings choose Content type application/json", cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var signature = request.Headers["X-Hub-Signature-256"].ToString();
        if (!WebhookSignature.IsValid(body, signature, [github.Secret, github.SecretNext]))
        {
            ApiLogs.Refused(logger, "/api/sources/github", StatusCodes.Status401Unauthorized, string.IsNullOrEmpty(signature) ? "no signature" : "bad signature");
            return Problems.Unauthorized(string.IsNullOrEmpty(signature)
                ? "X-Hub-Signature-256 is missing: set the webhook's secret to ReleaseWatch:Sources:GitHub:Secret."
                : "X-Hub-Signature-256 does not match the body under the configured secret.");
        }

        var eventName = request.Headers["X-GitHub-Event"].ToString();
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        if (eventName == "ping")
        {
            return TypedResults.Ok(new SourceAnswer("pong", $"GitHub delivery {delivery} reached ReleaseWatch; deployment_status events start watches."));
        }

        return Answer(await intake.AcceptAsync(GitHubDeploymentStatus.Read(eventName, body), $"github/{delivery}", cancellationToken));
    }

    /// <summary>Azure DevOps: the subscription's Basic credentials (401), then the event (others 202 ignored).</summary>
    public static async Task<SourceResults> PostAzureDevOpsAsync(
        HttpRequest request, SourceIntake intake, IOptions<SourcesOptions> sources, IOptions<IntakeOptions> intakeOptions, ILogger<SourceIntake> logger, CancellationToken cancellationToken)
    {
        var azure = sources.Value.AzureDevOps;
        if (string.IsNullOrEmpty(azure.Password))
        {
            return Problems.Unavailable("Azure DevOps intake is off: set ReleaseWatch:Sources:AzureDevOps:Username and Password.");
        }

        if (!SecretCheck.BasicMatches(request.Headers.Authorization.ToString(), azure.Username, azure.Password))
        {
            ApiLogs.Refused(logger, "/api/sources/azure-devops", StatusCodes.Status401Unauthorized, "basic credentials");
            return new BasicChallenge("Set the Web Hooks subscription's Basic authentication username and password to ReleaseWatch:Sources:AzureDevOps:Username and Password.");
        }

        var (body, refused) = await ReadJsonAsync(request, intakeOptions.Value.MaxBodyBytes, "Azure DevOps sends JSON", cancellationToken);
        return refused is not null ? refused : Answer(await intake.AcceptAsync(AzureDevOpsServiceHook.Read(body), "azure-devops", cancellationToken));
    }

    /// <summary>Gearset: the secret path segment or Basic credentials (401), then the ci_job_run event (others 202 ignored).</summary>
    public static async Task<SourceResults> PostGearsetAsync(
        HttpRequest request, string? key, SourceIntake intake, IOptions<SourcesOptions> sources, IOptions<IntakeOptions> intakeOptions, ILogger<SourceIntake> logger, CancellationToken cancellationToken)
    {
        var gearset = sources.Value.Gearset;
        if (string.IsNullOrEmpty(gearset.PathKey) && string.IsNullOrEmpty(gearset.Password))
        {
            return Problems.Unavailable("Gearset intake is off: set ReleaseWatch:Sources:Gearset:PathKey (or Username and Password).");
        }

        var byPath = SecretCheck.Matches(key, gearset.PathKey);
        var byBasic = SecretCheck.BasicMatches(request.Headers.Authorization.ToString(), gearset.Username, gearset.Password);
        if (!byPath && !byBasic)
        {
            ApiLogs.Refused(logger, "/api/sources/gearset", StatusCodes.Status401Unauthorized, "path key or basic credentials");
            return new BasicChallenge("Post to /api/sources/gearset/<ReleaseWatch:Sources:Gearset:PathKey>, or send the configured Basic credentials.");
        }

        var (body, refused) = await ReadJsonAsync(request, intakeOptions.Value.MaxBodyBytes, "choose the JSON payload format in Gearset", cancellationToken);
        return refused is not null ? refused : Answer(await intake.AcceptAsync(GearsetCiJobRun.Read(request.Headers["X-Gearset-Event"].ToString(), body), "gearset", cancellationToken));
    }

    /// <summary>Gearset without a path key: a custom payload with Basic credentials.</summary>
    public static Task<SourceResults> PostGearsetWithoutKeyAsync(
        HttpRequest request, SourceIntake intake, IOptions<SourcesOptions> sources, IOptions<IntakeOptions> intakeOptions, ILogger<SourceIntake> logger, CancellationToken cancellationToken) =>
        PostGearsetAsync(request, null, intake, sources, intakeOptions, logger, cancellationToken);

    /// <summary>DevOpsCenterPump (timerTrigger "timer"): listens to every DevOps Center org for a bounded time.</summary>
    public static async Task<JsonHttpResult<InvocationResponse>> PumpDevOpsCenterAsync(DevOpsCenterPump pump, CancellationToken cancellationToken)
    {
        var pumped = await pump.PumpAsync(cancellationToken);
        return InvocationResponse.Ok(null, $"Listened to {pumped.Count} DevOps Center org(s): {string.Join(", ", pumped)}");
    }

    /// <summary>202 a new watch, 200 the same watch again, 202 ignored with the reason, 400 bad fields, 422 no mapping.</summary>
    private static SourceResults Answer(SourceOutcome outcome) => outcome.Kind switch
    {
        SourceOutcomeKind.Created => TypedResults.Accepted($"/api/watches/{outcome.Watch!.WatchId}", WatchSummary.Of(outcome.Watch)),
        SourceOutcomeKind.Existing => TypedResults.Ok(WatchSummary.Of(outcome.Watch!)),
        SourceOutcomeKind.Ignored => TypedResults.Accepted((string?)null, new SourceAnswer("ignored", outcome.Detail!)),
        SourceOutcomeKind.Invalid => Problems.Invalid(outcome.Errors!.ToDictionary()),
        _ => Problems.Unprocessable(outcome.Detail!),
    };

    private static async Task<(byte[] Body, ProblemHttpResult? Refused)> ReadJsonAsync(HttpRequest request, int maxBytes, string hint, CancellationToken cancellationToken)
    {
        if (!RequestBody.HasMediaType(request, "application/json"))
        {
            return ([], Problems.UnsupportedMediaType(request.ContentType, $"application/json ({hint})"));
        }

        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        return body is null ? ([], Problems.TooLarge(maxBytes)) : (body, null);
    }
}

/// <summary>A 401 problem that also names the scheme (WWW-Authenticate: Basic), as HTTP asks of a Basic-protected resource.</summary>
internal sealed class BasicChallenge(string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"ReleaseWatch\", charset=\"UTF-8\"";
        return Problems.Unauthorized(detail).ExecuteAsync(httpContext);
    }
}

/// <summary>An answer that is not a watch: "pong" to GitHub's ping, or "ignored" with the reason.</summary>
internal sealed record SourceAnswer(string Status, string Detail);
