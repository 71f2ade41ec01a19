using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// The one check of a signed JSON request, shared by the deployment webhook and operator actions: the media type
/// (415), the size (413) and the HMAC-SHA256 signature (401), in that order, before the handler runs. The webhook's
/// signature covers the raw body (its intake is idempotent). An endpoint marked <see cref="SignedRequestMetadata"/>
/// (operator actions) needs <see cref="RequestSignature"/>: method, path and a timestamp within the clock skew are
/// signed too, and a signature already taken is refused (409). The verified bytes are handed on as
/// <see cref="SignedBody"/> (read them with <see cref="SignedBodies.SignedBody"/>).
/// </summary>
internal sealed class SignedJsonFilter(IOptions<IntakeOptions> options, ISignedRequestLedger ledger, TimeProvider time, ILogger<SignedJsonFilter> logger) : IEndpointFilter
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
        var refusal = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<SignedRequestMetadata>() is null
            ? BodyRefusal(body, signature, settings)
            : await RequestRefusalAsync(request, body, signature, settings, context.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            ApiLogs.Refused(logger, path, refusal.StatusCode, refusal.ProblemDetails.Detail ?? "");
            return refusal;
        }

        context.HttpContext.Features.Set(new SignedBody(body));
        return await next(context);
    }

    private static ProblemHttpResult? BodyRefusal(byte[] body, string signature, IntakeOptions settings)
    {
        if (!string.IsNullOrEmpty(signature) && WebhookSignature.IsValid(body, signature, [settings.SigningSecret, settings.SigningSecretNext]))
        {
            return null;
        }

        return Problems.Unauthorized(string.IsNullOrEmpty(signature)
            ? $"Sign the raw body with HMAC-SHA256 and send it as '{WebhookSignature.HeaderName}: sha256=<hex>'."
            : $"The {WebhookSignature.HeaderName} header does not match the body under the configured secret.");
    }

    private async Task<ProblemHttpResult?> RequestRefusalAsync(
        HttpRequest request, byte[] body, string signature, IntakeOptions settings, CancellationToken cancellationToken)
    {
        const string scheme = $"Send '{RequestSignature.TimestampHeader}: <Unix seconds>' and '{WebhookSignature.HeaderName}: sha256=<hex HMAC-SHA256 of \"METHOD\\nPATH\\nTIMESTAMP\\n\" + body>'.";
        var path = request.PathBase.Add(request.Path).Value ?? "";
        var timestamp = RequestSignature.ParseTimestamp(request.Headers[RequestSignature.TimestampHeader].ToString());
        if (string.IsNullOrEmpty(signature) || timestamp is null)
        {
            return Problems.Unauthorized($"This request must be signed with its method, path and time. {scheme}");
        }

        // A caller signs the path as it sent it (percent-escaped, e.g. a rollout id with a space) or as it names it (decoded): both identify this request.
        string?[] secrets = [settings.SigningSecret, settings.SigningSecretNext];
        if (!SignedPaths(request, path).Any(p => RequestSignature.IsValid(request.Method, p, timestamp.Value, body, signature, secrets)))
        {
            return Problems.Unauthorized($"The {WebhookSignature.HeaderName} header does not match this method, path, timestamp and body under the configured secret. {scheme}");
        }

        var now = time.GetUtcNow();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if ((now - signedAt).Duration() > settings.MaxClockSkew)
        {
            return Problems.Unauthorized($"The {RequestSignature.TimestampHeader} ({signedAt:u}) is more than {settings.MaxClockSkew} from now ({now:u}): sign the request again when sending it.");
        }

        return await ledger.TryRecordAsync(signature[^64..], now, cancellationToken)
            ? null
            : Problems.Replayed("This signed request was taken before (a replay, or a retry of a request that landed); nothing changed. To act again, sign a new request with the current time.");
    }

    /// <summary>
    /// The forms of the path a caller may have signed: as the route names it (decoded), as it came on the wire when the
    /// server keeps that, and with each segment escaped as <see cref="Uri.EscapeDataString(string)"/> does (what clients send).
    /// </summary>
    private static IEnumerable<string> SignedPaths(HttpRequest request, string path)
    {
        yield return path;
        var raw = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        var sent = raw is { Length: > 0 } && raw[0] == '/' ? raw.Split('?', 2)[0] : null;
        if (sent is not null && sent != path)
        {
            yield return sent;
        }

        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        if (escaped != path && escaped != sent)
        {
            yield return escaped;
        }
    }
}


/// <summary>Marks an endpoint whose <see cref="SignedJsonFilter"/> needs the request signature (method, path, timestamp), not only the body's.</summary>
internal sealed record SignedRequestMetadata;

/// <summary>The raw body <see cref="SignedJsonFilter"/> verified: exactly the bytes that were signed.</summary>
internal sealed record SignedBody(byte[] Bytes);

internal static class SignedBodies
{
    /// <summary>The verified body of a request whose endpoint has the <see cref="SignedJsonFilter"/>.</summary>
    public static byte[] SignedBody(this HttpRequest request) =>
        (request.HttpContext.Features.Get<SignedBody>() ?? throw new InvalidOperationException($"{request.Path} has no {nameof(SignedJsonFilter)}.")).Bytes;
}
