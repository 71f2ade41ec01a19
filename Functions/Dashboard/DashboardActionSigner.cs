using System.Text;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Signs an operator action the dashboard sends to the watch API on the user's behalf, exactly as a pipeline
/// would sign it (<see cref="RequestSignature"/>: method, path, timestamp and body). The one place that knows the
/// signing scheme.
/// </summary>
internal sealed class DashboardActionSigner(IOptions<IntakeOptions> intake, TimeProvider time)
{
    public HttpRequestMessage Sign(HttpMethod method, string pathAndQuery, string jsonBody)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        // The server checks the absolute path; the request may be relative to the service's base address.
        var path = "/" + pathAndQuery.Split('?', 2)[0].TrimStart('/');
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(method, pathAndQuery)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.HeaderName, RequestSignature.Sign(method.Method, path, timestamp, body, intake.Value.SigningSecret));
        return request;
    }
}
