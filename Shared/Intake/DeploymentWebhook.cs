using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Intake;

/// <summary>
/// POST /api/deployments: the native webhook. Checks, in order, the media type (415), size (413),
/// signature (401), fields (400) and org/policy (422) before anything is stored.
/// </summary>
internal static class DeploymentWebhook
{
    public static async Task<IResult> HandleAsync(HttpRequest request, DeploymentIntake intake, IOptions<IntakeOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DeploymentWebhook));
        var settings = options.Value;
        var path = request.Path.Value ?? "";
        if (!RequestBody.HasMediaType(request, "application/json"))
        {
            IntakeLogs.Refused(logger, path, 415, "media type");
            return Problems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            IntakeLogs.Refused(logger, path, 413, "too large");
            return Problems.TooLarge(settings.MaxBodyBytes);
        }

        var signature = request.Headers[WebhookSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(signature) || !WebhookSignature.IsValid(body, signature, [settings.SigningSecret, settings.SigningSecretNext]))
        {
            IntakeLogs.Refused(logger, path, 401, string.IsNullOrEmpty(signature) ? "no signature" : "bad signature");
            return Problems.Unauthorized(string.IsNullOrEmpty(signature)
                ? $"Sign the raw body with HMAC-SHA256 and send it as '{WebhookSignature.HeaderName}: sha256=<hex>'."
                : $"The {WebhookSignature.HeaderName} header does not match the body under the configured secret.");
        }

        var read = DeploymentNoticeReader.Read(body);
        if (!read.IsValid)
        {
            IntakeLogs.Refused(logger, path, 400, string.Join(",", read.Errors.Keys));
            return Problems.Invalid(read.Errors.ToDictionary());
        }

        return IntakeAnswers.For(await intake.AcceptAsync(read.Notice!, "webhook", cancellationToken));
    }
}
