using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Hosting;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Signs an operator action the dashboard sends to the service's own API on the user's behalf, exactly as a pipeline
/// would sign it: watch and rollout actions alike with <see cref="RequestSignature"/> (method, path, timestamp and body).
/// The one place that knows the signing scheme.
/// </summary>
internal sealed class DashboardActionSigner(IOptions<IntakeOptions> intake, TimeProvider time, IListeningAddress self, IHttpClientFactory clients)
{
    public const string HttpClientName = "releasewatch-dashboard-self";

    /// <summary>Posts the signed action to this service's own API; null when it was taken, else the API's status and reason.</summary>
    public async Task<(int Status, string? Detail)?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(await self.WaitAsync(cancellationToken) + "/");
        using var request = Sign(HttpMethod.Post, path, body.ToJsonString());
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var problem = await response.Content.ReadFromJsonAsync(FunctionsJsonContext.Default.JsonObject, cancellationToken);
        return ((int)response.StatusCode, problem?["detail"]?.GetValue<string>() ?? problem?["errors"]?.ToJsonString() ?? response.ReasonPhrase);
    }

    public HttpRequestMessage Sign(HttpMethod method, string pathAndQuery, string jsonBody)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        // The server checks the absolute path; the request may be relative to the service's base address.
        var path = "/" + pathAndQuery.Split('?', 2)[0].TrimStart('/');
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = Json(method, pathAndQuery, body);
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.HeaderName, RequestSignature.Sign(method.Method, path, timestamp, body, intake.Value.SigningSecret));
        return request;
    }

    private static HttpRequestMessage Json(HttpMethod method, string pathAndQuery, byte[] body) => new(method, pathAndQuery)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
    };
}
