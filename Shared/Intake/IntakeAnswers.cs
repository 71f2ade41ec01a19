using Microsoft.AspNetCore.Http;
using ReleaseWatch.Hosting;
using ReleaseWatch.Watches.Api;

namespace ReleaseWatch.Intake;

/// <summary>HTTP answers for intake results: 202 + Location for a new watch, 200 for a repeat, 422 when refused.</summary>
internal static class IntakeAnswers
{
    public static IResult For(IntakeResult result) => result.Outcome switch
    {
        IntakeOutcome.Created => TypedResults.Json(WatchSummary.Of(result.Watch!), ReleaseWatchJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation($"/api/watches/{result.Watch!.WatchId}"),
        IntakeOutcome.Existing => TypedResults.Json(WatchSummary.Of(result.Watch!), ReleaseWatchJson.Options),
        _ => Problems.Unprocessable(result.Detail ?? result.Outcome.ToString()),
    };
}
