using System.Text.Json;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>Field errors of a request body, with the small readers that add them ("release.version": "Required …").</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>A string property (trimmed); an error when required and missing, not a string, blank, too long, or with control characters.</summary>
    public string? Text(JsonElement? parent, string name, string field, bool required, int maxLength)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (text is null || text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
        {
            Add(field, $"Must be a non-blank string of at most {maxLength} characters without control characters.");
            return null;
        }

        return text;
    }

    /// <summary>An object property; an error when required and missing, or present and not an object.</summary>
    public JsonElement? Object(JsonElement? parent, string name, string field, bool required)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(field, "Required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(field, "Must be a JSON object.");
            return null;
        }

        return value;
    }
}
