using System.Text.Json;
using ReleaseWatch.Intake.Input;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// The fields every operator action body shares, read from hostile text (watch actions and rollout actions): the body as
/// a JSON object, the acting person, and trimmed text fields. Each bad field is named in <c>errors</c>; nothing throws.
/// </summary>
internal static class ActionFields
{
    /// <summary>The longest actor name taken.</summary>
    public const int MaxActorLength = 128;

    /// <summary>The parsed body when it is a JSON object; null (with the error named) otherwise.</summary>
    public static JsonDocument? Object(byte[] body, Dictionary<string, string[]> errors)
    {
        var document = JsonInput.TryParse(body, out var field, out var problem);
        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        errors[field] = [document is null ? problem : "The body must be a JSON object."];
        document?.Dispose();
        return null;
    }

    /// <summary>Who acts: required.</summary>
    public static string? Actor(JsonElement root, Dictionary<string, string[]> errors)
    {
        var actor = Text(root, "actor", MaxActorLength, errors);
        if (actor is null)
        {
            errors.TryAdd("actor", [$"Required: who acts (at most {MaxActorLength} characters)."]);
        }

        return actor;
    }

    /// <summary>
    /// A trimmed, non-empty string field of at most <paramref name="max"/> characters without control characters; null (with an
    /// error when present but bad) otherwise.
    /// </summary>
    public static string? Text(JsonElement root, string name, int max, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = JsonInput.TryGetString(value, out var problem)?.Trim();
        problem ??= text switch
        {
            { Length: 0 } => "Must not be empty.",
            { } t when t.Length > max => $"Must be at most {max} characters.",
            { } t when t.Any(char.IsControl) => "Must not contain control characters.",
            _ => null,
        };
        if (problem is not null)
        {
            errors[name] = [problem];
            return null;
        }

        return text;
    }
}
