using Microsoft.AspNetCore.Http.HttpResults;

namespace ReleaseWatch.Functions.Http;

/// <summary>RFC 9457 problem+json answers, one per kind of bad input, with a title that says what to fix.</summary>
internal static class Problems
{
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", type: "https://releasewatch.dev/problems/unauthenticated");

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", type: "https://releasewatch.dev/problems/too-large");

    public static ProblemHttpResult UnsupportedMediaType(string? got, string expected) =>
        TypedResults.Problem($"Content-Type must be {expected} (got '{got ?? "none"}').", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", type: "https://releasewatch.dev/problems/media-type");

    /// <summary>400 with <c>errors</c> naming each bad field (a validation problem, as one problem type so endpoints keep one result type for every refusal).</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "Fix the fields listed in 'errors'; nothing was stored.",
            Title = "Invalid request",
            Type = "https://releasewatch.dev/problems/invalid",
        });

    public static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not accepted", type: "https://releasewatch.dev/problems/not-accepted");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: "https://releasewatch.dev/problems/not-found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Not possible now", type: "https://releasewatch.dev/problems/conflict");

    /// <summary>409 for a signed request taken before: a replay (or a client's retry of a request that did land); nothing changed.</summary>
    public static ProblemHttpResult Replayed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Already taken", type: "https://releasewatch.dev/problems/replayed");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable", type: "https://releasewatch.dev/problems/unavailable");
}
