using System.Text.Json;

namespace ReleaseWatch.Hosting;

/// <summary>
/// Trigger values reach a custom handler as JSON, sometimes as a JSON string holding JSON, sometimes
/// encoded twice (Event Grid, Service Bus). Unwrap until the value is no longer a string of JSON.
/// </summary>
public static class TriggerValue
{
    private const int MaxDepth = 4;

    public static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < MaxDepth && value.ValueKind == JsonValueKind.String; depth++)
        {
            var text = value.GetString()!.Trim();
            if (text.Length == 0 || (text[0] != '{' && text[0] != '[' && text[0] != '"'))
            {
                break; // a plain string value, not encoded JSON
            }

            try
            {
                using var inner = JsonDocument.Parse(text);
                value = inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                break;
            }
        }

        return value;
    }
}
