using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// The one check of a signed JSON request, shared by the deployment webhook and operator actions: the media type
/// (415), the size (413) and the HMAC-SHA256 signature of the raw body (401), in that order, before the handler
/// runs. The verified bytes are handed on as <see cref="SignedBody"/> (read them with <see cref="SignedBodies.SignedBody"/>).
/// </summary>
internal sealed class SignedJsonFilter(IOptions<IntakeOptions> options, ILogger<SignedJsonFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var settings = options.Value;
        var path = request.Path.Value ?? "";
        if (!RequestBody.HasMediaType(request, "application/json"))
        {
            ApiLogs.Refused(logger, path, StatusCodes.Status415UnsupportedMediaType, "media type");
            return Problems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, settings.MaxBodyBytes, context.HttpContext.RequestAborted);
        if (body is null)
        {
            ApiLogs.Refused(logger, path, StatusCodes.Status413PayloadTooLarge, "too large");
            return Problems.TooLarge(settings.MaxBodyBytes);
        }

        var signature = request.Headers[WebhookSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(signature) || !WebhookSignature.IsValid(body, signature, [settings.SigningSecret, settings.SigningSecretNext]))
        {
            ApiLogs.Refused(logger, path, StatusCodes.Status401Unauthorized, string.IsNullOrEmpty(signature) ? "no signature" : "bad signature");
            return Problems.Unauthorized(string.IsNullOrEmpty(signature)
                ? $"Sign the raw body with HMAC-SHA256 and send it as '{WebhookSignature.HeaderName}: sha256=<hex>'."
                : $"The {WebhookSignature.HeaderName} header does not match the body under the configured secret.");
        }

        context.HttpContext.Features.Set(new SignedBody(body));
        return await next(context);
    }
}

/// <summary>The raw body <see cref="SignedJsonFilter"/> verified: exactly the bytes that were signed.</summary>
internal sealed record SignedBody(byte[] Bytes);

internal static class SignedBodies
{
    /// <summary>The verified body of a request whose endpoint has the <see cref="SignedJsonFilter"/>.</summary>
    public static byte[] SignedBody(this HttpRequest request) =>
        (request.HttpContext.Features.Get<SignedBody>() ?? throw new InvalidOperationException($"{request.Path} has no {nameof(SignedJsonFilter)}.")).Bytes;
}
