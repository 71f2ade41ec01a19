using System.Text.Json;

namespace ReleaseWatch.Intake.Input;

/// <summary>
/// Reads hostile JSON without throwing: a body that is not UTF-8 or not JSON, and strings or property names that
/// cannot become .NET strings (a lone surrogate escape such as <c>"\ud800"</c>), are reported as problems naming
/// the field instead of escaping as exceptions (which would answer 500). Shared by every intake source.
/// </summary>
internal static class JsonInput
{
    /// <summary>The maximum nesting a body may have.</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// Parses <paramref name="json"/> and checks that every string and property name in it is text .NET can hold. On
    /// failure returns null with the field at fault (<c>$</c> for the whole body, else its path, e.g. <c>release.version</c>
    /// or <c>[0].data.org.id</c>) and a message fit for the caller.
    /// </summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> json, out string field, out string problem, int maxDepth = MaxDepth)
    {
        field = "$";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            problem = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
        catch (ArgumentException ex)
        {
            problem = $"The body is not valid UTF-8 JSON: {ex.Message}";
            return null;
        }

        if (FindIllFormedText(document.RootElement, "") is { } bad)
        {
            document.Dispose();
            (field, problem) = (bad.Length == 0 ? "$" : bad, "Must be valid Unicode text (no unpaired surrogate, no invalid UTF-8).");
            return null;
        }

        problem = "";
        return document;
    }

    /// <summary>The path of the first string or property name under <paramref name="value"/> that cannot become .NET text; null when there is none.</summary>
    private static string? FindIllFormedText(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(value, out _) is null ? path : null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (!IsWellFormed(name))
                    {
                        return path;
                    }

                    if (FindIllFormedText(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (FindIllFormedText(item, $"{path}[{index++}]") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The string value of <paramref name="value"/>, or null with a problem when it is not a string, or holds
    /// invalid UTF-8 or an unpaired surrogate.
    /// </summary>
    public static string? TryGetString(JsonElement value, out string? problem)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problem = "Must be a string.";
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problem = "Must be valid Unicode text (no unpaired surrogate, no invalid UTF-8).";
            return null;
        }

        if (!IsWellFormed(text))
        {
            problem = "Must be valid Unicode text (no unpaired surrogate, no invalid UTF-8).";
            return null;
        }

        problem = null;
        return text;
    }

    /// <summary>True when every surrogate in <paramref name="text"/> is part of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
