using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReleaseWatch.Dependencies;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Salesforce.Limits;

namespace ReleaseWatch.Functions;

/// <summary>The pollers under the Functions host (standalone they are hosted loops): the IndicatorPolls timer.</summary>
internal static class PollsApi
{
    public static RouteGroupBuilder MapPollsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("");
        api.MapPost("/IndicatorPolls", PollAsync);
        return api;
    }

    /// <summary>
    /// IndicatorPolls (timerTrigger "timer", every minute): one round of the /limits poller and one of the dependency probes.
    /// Each acts at most once per its Interval slot, so a longer Interval skips ticks and a past-due or repeated run does nothing extra.
    /// </summary>
    public static async Task<Results<JsonHttpResult<InvocationResponse>, ProblemHttpResult>> PollAsync(
        HttpRequest request, LimitsPoller limits, DependencyProber dependencies, CancellationToken cancellationToken)
    {
        const string binding = "timer";
        var invocation = await InvocationRequest.ReadAsync(request, 64 * 1024, cancellationToken);
        if (invocation?.Binding(binding) is not { ValueKind: JsonValueKind.Object })
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [$"Data.{binding}"] = ["Expected the host's timer invocation payload."] });
        }

        var polled = limits.PollAllAsync(cancellationToken);
        var probed = dependencies.ProbeAllAsync(cancellationToken);
        return InvocationResponse.Ok(null, $"Polled /limits of {await polled} org(s); probed the dependencies of {await probed} org(s).");
    }
}
