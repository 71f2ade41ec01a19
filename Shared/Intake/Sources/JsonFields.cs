using System.Globalization;
using System.Text.Json;

namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Reads fields of a sender's payload by dotted path (deployment_status.state), collecting one message per bad field,
/// keyed by its path, so the sender's delivery log names every problem at once.
/// </summary>
internal sealed class JsonFields(JsonElement root)
{
    private const int MaxTextLength = 256;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public JsonElement Root { get; } = root;

    /// <summary>Parses <paramref name="body"/> as a JSON object; null with the reason when it is not one.</summary>
    public static JsonFields? Parse(ReadOnlyMemory<byte> body, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            problem = document.RootElement.ValueKind == JsonValueKind.Object ? null : "The body must be a JSON object.";
            return problem is null ? new JsonFields(document.RootElement.Clone()) : null;
        }
        catch (JsonException ex)
        {
            problem = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>The element at <paramref name="path"/>, or null when any segment is missing or null.</summary>
    public JsonElement? Find(string path)
    {
        var current = Root;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A string (or number, as its text) at the first of <paramref name="paths"/> that has one.</summary>
    public string? Text(bool required, params string[] paths)
    {
        foreach (var path in paths)
        {
            if (Find(path) is not { } value)
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (text is null)
            {
                return Fail(path, "Must be a string.");
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (text.Length > MaxTextLength)
            {
                return Fail(path, $"Must be at most {MaxTextLength} characters.");
            }

            if (text.Any(char.IsControl))
            {
                return Fail(path, "Must not contain control characters.");
            }

            return text;
        }

        return required ? Fail(paths[0], "Required.") : null;
    }

    /// <summary>An ISO 8601 instant with an offset (senders write UTC with Z).</summary>
    public DateTimeOffset? Timestamp(bool required, params string[] paths)
    {
        var text = Text(required, paths);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return at.ToUniversalTime();
        }

        Fail(paths[0], "Must be an ISO 8601 timestamp with an offset, e.g. 2026-11-23T10:00:00Z.");
        return null;
    }

    /// <summary>An absolute http(s) URL, or null (a bad one is reported).</summary>
    public Uri? Url(params string[] paths)
    {
        var text = Text(false, paths);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        Fail(paths[0], "Must be an absolute http(s) URL.");
        return null;
    }

    private string? Fail(string path, string message)
    {
        Errors[path] = Errors.TryGetValue(path, out var old) ? [.. old, message] : [message];
        return null;
    }
}
