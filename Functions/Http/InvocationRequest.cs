using System.Text.Json;
using ReleaseWatch.Intake.Input;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// What the Functions host POSTs to a custom handler for a non-HTTP trigger:
/// <c>{"Data": {"&lt;binding name&gt;": value, ...}, "Metadata": {...}}</c>.
/// </summary>
internal sealed record InvocationRequest(JsonElement Data, JsonElement Metadata)
{
    /// <summary>Reads the payload; null when it is not the host's shape.</summary>
    public static async Task<InvocationRequest?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return null;
        }

        using var document = JsonInput.TryParse(body, out _, out _);
        var root = document?.RootElement;
        if (root is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var metadata = element.TryGetProperty("Metadata", out var m) ? m.Clone() : default;
        return new InvocationRequest(data.Clone(), metadata);
    }

    /// <summary>The trigger value bound to <paramref name="binding"/>, unwrapped from JSON strings (the host may encode it once or twice).</summary>
    public JsonElement? Binding(string binding) =>
        Data.TryGetProperty(binding, out var value) ? TriggerValue.Unwrap(value) : null;
}

/// <summary>
/// Trigger values reach a custom handler as JSON, sometimes as a JSON string holding JSON, sometimes
/// encoded twice (Event Grid, Service Bus). Unwrap until the value is no longer a string of JSON.
/// </summary>
internal static class TriggerValue
{
    private const int MaxDepth = 4;

    public static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < MaxDepth && value.ValueKind == JsonValueKind.String; depth++)
        {
            if (JsonInput.TryGetString(value, out _) is not { } raw)
            {
                break; // not text .NET can hold: the reader of the value reports it
            }

            var text = raw.Trim();
            if (text.Length == 0 || (text[0] != '{' && text[0] != '[' && text[0] != '"'))
            {
                break; // a plain string value, not encoded JSON
            }

            using var inner = JsonInput.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out _, out _);
            if (inner is null)
            {
                break;
            }

            value = inner.RootElement.Clone();
        }

        return value;
    }
}
