using System.Text.Json;

namespace ReleaseWatch.Commands;

/// <summary>
/// Reads a result body. Trigger values may arrive JSON-encoded once or twice (a JSON string holding the
/// JSON), so strings are unwrapped before parsing.
/// </summary>
internal static class CommandResultParser
{
    private const int MaxUnwrap = 3;

    public static bool TryParse(string text, out CommandResult? result, out string error)
    {
        result = null;
        try
        {
            for (var i = 0; i < MaxUnwrap; i++)
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.String)
                {
                    text = document.RootElement.GetString()!;
                    continue;
                }

                return TryRead(document.RootElement, out result, out error);
            }

            error = "The result is a JSON string nested too deeply.";
            return false;
        }
        catch (JsonException ex)
        {
            error = "The result is not valid JSON: " + ex.Message;
            return false;
        }
        catch (InvalidOperationException ex)
        {
            // A string that cannot become .NET text (an unpaired surrogate escape, invalid UTF-8).
            error = "The result holds text that is not valid Unicode: " + ex.Message;
            return false;
        }
    }

    private static bool TryRead(JsonElement root, out CommandResult? result, out string error)
    {
        result = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The result must be a JSON object.";
            return false;
        }

        foreach (var required in (string[])["commandId", "status", "completedAt"])
        {
            if (!root.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                error = $"The result has no \"{required}\".";
                return false;
            }
        }

        result = root.Deserialize(CommandsJsonContext.Dialect.CommandResult);
        if (result is null || string.IsNullOrWhiteSpace(result.CommandId))
        {
            error = "The result's \"commandId\" is empty.";
            result = null;
            return false;
        }

        error = "";
        return true;
    }
}
