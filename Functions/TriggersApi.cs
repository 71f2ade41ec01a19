using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Intake;
using ReleaseWatch.Intake.Input;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Functions;

/// <summary>
/// The Functions host's non-HTTP triggers, each POST /{FunctionName} with {"Data": {binding: value}, "Metadata": {...}}
/// and answered {"Outputs", "Logs", "ReturnValue"}. A non-2xx answer fails the invocation, so the host retries it
/// (and for Event Grid and Service Bus, dead-letters it in the end).
/// </summary>
internal static class TriggersApi
{
    /// <summary>The largest command-result invocation read (a result is a few hundred bytes).</summary>
    private const int MaxResultInvocationBytes = 1024 * 1024;

    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("");
        api.MapPost("/Ticker", TickAsync);
        api.MapPost("/SignalPump", PumpAsync);
        api.MapPost("/CommandResults", TakeCommandResultAsync);
        api.MapPost("/DeploymentEvents", TakeDeploymentEventAsync);
        return api;
    }

    /// <summary>Ticker (timerTrigger "timer"): one pass of the ticker, which wakes due watches and sweeps the outbox; a past-due run simply processes everything due.</summary>
    public static async Task<Results<JsonHttpResult<InvocationResponse>, ProblemHttpResult>> TickAsync(HttpRequest request, WatchTicker ticker, CancellationToken cancellationToken)
    {
        const string binding = "timer";
        var invocation = await InvocationRequest.ReadAsync(request, 64 * 1024, cancellationToken);
        if (invocation?.Binding(binding) is not { ValueKind: JsonValueKind.Object })
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [$"Data.{binding}"] = ["Expected the host's timer invocation payload."] });
        }

        var processed = await ticker.TickAsync(cancellationToken);
        return InvocationResponse.Ok(null, $"Processed {processed} due timer(s).");
    }

    /// <summary>SignalPump (timerTrigger "timer"): pumps every streamed org for a bounded time, resuming from checkpoints.</summary>
    public static async Task<JsonHttpResult<InvocationResponse>> PumpAsync(SignalPump pump, CancellationToken cancellationToken)
    {
        var pumped = await pump.PumpAsync(cancellationToken);
        return InvocationResponse.Ok(null, $"Pumped {pumped.Count} org(s): {string.Join(", ", pumped)}");
    }

    /// <summary>
    /// CommandResults (serviceBusTrigger "result" on release-command-results). A result that is malformed or not ours answers
    /// 400 (the host retries, then dead-letters the message); a stored one answers the empty response so the host completes it.
    /// </summary>
    public static async Task<Results<JsonHttpResult<InvocationResponse>, ProblemHttpResult>> TakeCommandResultAsync(
        HttpRequest request, CommandResultIntake intake, CancellationToken cancellationToken)
    {
        var invocation = await InvocationRequest.ReadAsync(request, MaxResultInvocationBytes, cancellationToken);
        if (invocation is null || !invocation.Data.TryGetProperty("result", out var result))
        {
            return ResultNotAccepted("The invocation is not JSON in the host's shape with Data.result.");
        }

        string body;
        if (result.ValueKind != JsonValueKind.String)
        {
            body = result.GetRawText();
        }
        else if (JsonInput.TryGetString(result, out var problem) is { } text)
        {
            body = text;
        }
        else
        {
            return ResultNotAccepted("Data.result: " + problem);
        }

        var disposition = await intake.TakeAsync(body, cancellationToken);
        return disposition.Accepted ? InvocationResponse.Ok() : ResultNotAccepted(disposition.Reason);
    }

    /// <summary>
    /// DeploymentEvents (eventGridTrigger "eventGridEvent"): the host answers Event Grid's validation handshake itself and hands
    /// over one event per invocation. A refused event answers non-2xx, so Event Grid retries or dead-letters it.
    /// </summary>
    public static async Task<Results<JsonHttpResult<InvocationResponse>, ProblemHttpResult>> TakeDeploymentEventAsync(
        HttpRequest request, EventGridIntake intake, IOptions<IntakeOptions> options, ILogger<EventGridIntake> logger, CancellationToken cancellationToken)
    {
        const string binding = "eventGridEvent";
        var invocation = await InvocationRequest.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (invocation?.Binding(binding) is not { } value)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [$"Data.{binding}"] = ["Expected the host's invocation payload with the Event Grid event."] });
        }

        var delivery = EventGridDeliveries.Read(BinaryData.FromString(value.GetRawText()));
        if (delivery.ValidationCode is not null)
        {
            return InvocationResponse.Ok(null, "Subscription validation is answered by the host.");
        }

        var (accepted, refused) = await DeploymentsApi.AcceptAsync(intake, delivery, logger, cancellationToken);
        return refused is not null ? refused : InvocationResponse.Ok(accepted, $"Accepted {accepted!.Watches.Count} deployment(s).");
    }

    private static ProblemHttpResult ResultNotAccepted(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Command result not accepted");
}
