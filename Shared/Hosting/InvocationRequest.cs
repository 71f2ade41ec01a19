using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReleaseWatch.Hosting;

/// <summary>
/// What the Functions host POSTs to a custom handler for a non-HTTP trigger:
/// <c>{"Data": {"&lt;binding name&gt;": value, ...}, "Metadata": {...}}</c>.
/// </summary>
public sealed record InvocationRequest(JsonElement Data, JsonElement Metadata)
{
    /// <summary>Reads the payload; null when it is not the host's shape.</summary>
    public static async Task<InvocationRequest?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var metadata = root.TryGetProperty("Metadata", out var m) ? m.Clone() : default;
            return new InvocationRequest(data.Clone(), metadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The trigger value bound to <paramref name="binding"/>, unwrapped from JSON strings (the host may encode it once or twice).</summary>
    public JsonElement? Binding(string binding) =>
        Data.TryGetProperty(binding, out var value) ? TriggerValue.Unwrap(value) : null;
}
