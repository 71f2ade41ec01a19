using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Intake;

/// <summary>
/// Functions mode: POST /DeploymentEvents, the eventGridTrigger's invocation. The host answers the
/// Event Grid validation handshake itself and hands over one event per invocation (binding "eventGridEvent").
/// A refused event answers non-2xx, so the invocation fails and Event Grid retries or dead-letters it.
/// </summary>
internal static class DeploymentEventsInvocation
{
    public const string Binding = "eventGridEvent";

    public static async Task<IResult> HandleAsync(HttpRequest request, EventGridIntake intake, IOptions<IntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var invocation = await InvocationRequest.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (invocation?.Binding(Binding) is not { } value)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [$"Data.{Binding}"] = ["Expected the host's invocation payload with the Event Grid event."] });
        }

        var delivery = EventGridDeliveries.Read(BinaryData.FromString(value.GetRawText()));
        if (delivery.ValidationCode is not null)
        {
            return InvocationResponse.Ok(null, "Subscription validation is answered by the host.");
        }

        foreach (var type in delivery.IgnoredTypes)
        {
            IntakeLogs.IgnoredEvent(loggers.CreateLogger(typeof(DeploymentEventsInvocation)), type);
        }

        var (accepted, refused) = await intake.AcceptAsync(delivery, cancellationToken);
        return refused ?? InvocationResponse.Ok(accepted, $"Accepted {accepted!.Watches.Count} deployment(s).");
    }
}
