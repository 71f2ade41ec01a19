using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Intake;

/// <summary>
/// Standalone mode's Event Grid endpoint, /api/events: the Event Grid-schema validation handshake
/// (validationCode → validationResponse), the CloudEvents 1.0 abuse-protection handshake (OPTIONS with
/// WebHook-Request-Origin → WebHook-Allowed-Origin), and deliveries of ReleaseWatch.DeploymentCompleted.
/// </summary>
internal static class EventGridWebhook
{
    private static readonly string[] MediaTypes = ["application/json", "application/cloudevents+json", "application/cloudevents-batch+json"];

    public static IResult Options(HttpRequest request, IOptions<IntakeOptions> options, ILoggerFactory loggers)
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

        IntakeLogs.Validated(loggers.CreateLogger(typeof(EventGridWebhook)), "cloudevents");
        return new AllowedOriginResult(origin);
    }

    public static async Task<IResult> PostAsync(HttpRequest request, EventGridIntake intake, IOptions<IntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(EventGridWebhook));
        if (KeyProblem(request, settings) is { } problem)
        {
            IntakeLogs.Refused(logger, "/api/events", problem.StatusCode, "event grid key");
            return problem;
        }

        if (!RequestBody.HasMediaType(request, MediaTypes))
        {
            return Problems.UnsupportedMediaType(request.ContentType, string.Join(" or ", MediaTypes));
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(settings.MaxBodyBytes);
        }

        var delivery = EventGridDeliveries.Read(BinaryData.FromBytes(body));
        if (delivery.ValidationCode is { } code)
        {
            IntakeLogs.Validated(logger, "eventgrid");
            return TypedResults.Json(new { validationResponse = code });
        }

        foreach (var type in delivery.IgnoredTypes)
        {
            IntakeLogs.IgnoredEvent(logger, type);
        }

        var (accepted, refused) = await intake.AcceptAsync(delivery, cancellationToken);
        return refused ?? TypedResults.Json(accepted, ReleaseWatchJson.Options);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? KeyProblem(HttpRequest request, IntakeOptions settings)
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
