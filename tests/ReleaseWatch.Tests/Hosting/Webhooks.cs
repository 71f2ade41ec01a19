using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReleaseWatch.Intake;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>Builds and signs deployment webhooks as a pipeline would.</summary>
internal static class Webhooks
{
    public static JsonObject Notice(string deploymentId, DateTimeOffset completedAt, string orgId, string? previousVersion = "1.4.1") => new()
    {
        ["deploymentId"] = deploymentId,
        ["org"] = new JsonObject { ["id"] = orgId, ["name"] = "Acme Production", ["environment"] = "production" },
        ["release"] = new JsonObject { ["version"] = "1.4.2", ["previousVersion"] = previousVersion, ["commit"] = "9f8e7d6" },
        ["completedAt"] = completedAt.ToString("O"),
        ["pipeline"] = new JsonObject { ["name"] = "release", ["runUrl"] = "https://github.com/acme/sf/actions/runs/42" },
    };

    public static HttpRequestMessage Signed(string path, string body, string secret = ReleaseWatchApp.Secret, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret));
        return request;
    }

    /// <summary>Signed bytes as sent (e.g. invalid UTF-8), signed over exactly those bytes.</summary>
    public static HttpRequestMessage SignedBytes(string path, byte[] body, string secret = ReleaseWatchApp.Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(body, secret));
        return request;
    }

    /// <summary>An operator action signed as README says: method, path, timestamp and body, under the shared secret.</summary>
    public static HttpRequestMessage SignedAction(string path, string body, DateTimeOffset signedAt, string secret = ReleaseWatchApp.Secret, string? signedPath = null) =>
        SignedAction(path, Encoding.UTF8.GetBytes(body), signedAt, secret, signedPath);

    /// <summary>An operator action of exactly these bytes (e.g. invalid UTF-8), signed as README says.</summary>
    public static HttpRequestMessage SignedAction(string path, byte[] bytes, DateTimeOffset signedAt, string secret = ReleaseWatchApp.Secret, string? signedPath = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.HeaderName, RequestSignature.Sign("POST", signedPath ?? path, timestamp, bytes, secret));
        return request;
    }

    public static Task<HttpResponseMessage> PostSignedAsync(this HttpClient client, JsonNode notice) =>
        client.SendAsync(Signed("/api/deployments", notice.ToJsonString()));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
