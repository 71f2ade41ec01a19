using System.Text;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Signs an operator action the dashboard sends to the watch API on the user's behalf, exactly as a pipeline
/// would sign it. The one place that knows the signing scheme: when the scheme changes (e.g. to cover method,
/// path and a timestamp), only this type changes.
/// </summary>
internal sealed class DashboardActionSigner(IOptions<IntakeOptions> intake)
{
    public HttpRequestMessage Sign(HttpMethod method, string pathAndQuery, string jsonBody)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var request = new HttpRequestMessage(method, pathAndQuery)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(body, intake.Value.SigningSecret));
        return request;
    }
}
