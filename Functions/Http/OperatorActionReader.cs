using System.Text.Json;
using ReleaseWatch.Intake.Input;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// Reads POST /api/watches/{id}/actions bodies: {"action": "abort" | "extend" | "approve-revert", "actor", "minutes"?, "reason"?}.
/// Every bad field is named (wrong JSON type, unpaired surrogate, control characters, out of range); nothing throws.
/// </summary>
internal static class OperatorActionReader
{
    private const int MaxActorLength = 128;
    private const int MaxReasonLength = 1024;

    public static (OperatorActed? Acted, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var document = JsonInput.TryParse(body, out var field, out var problem);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors[field] = [document is null ? problem : "The body must be a JSON object."];
            return (null, errors);
        }

        var root = document.RootElement;
        OperatorActionKind? kind = Text(root, "action", 32, errors) switch
        {
            null => null,
            "abort" => OperatorActionKind.Abort,
            "extend" => OperatorActionKind.Extend,
            "approve-revert" => OperatorActionKind.ApproveRevert,
            _ => Fail(errors, "action", "Must be one of abort, extend, approve-revert."),
        };
        if (kind is null)
        {
            errors.TryAdd("action", ["Required: one of abort, extend, approve-revert."]);
        }

        var actor = Text(root, "actor", MaxActorLength, errors);
        if (actor is null)
        {
            errors.TryAdd("actor", [$"Required: who acts (at most {MaxActorLength} characters)."]);
        }

        var reason = Text(root, "reason", MaxReasonLength, errors);
        int? minutes = null;
        if (root.TryGetProperty("minutes", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            minutes = m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var whole) && whole is >= 1 and <= 1440 ? whole : null;
            if (minutes is null)
            {
                errors["minutes"] = ["Must be a whole number from 1 to 1440."];
            }
        }
        else if (kind == OperatorActionKind.Extend)
        {
            errors["minutes"] = ["Required for extend: 1 to 1440."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new OperatorActed(kind!.Value, actor!, kind == OperatorActionKind.Extend ? TimeSpan.FromMinutes(minutes!.Value) : null, reason), errors);
    }

    /// <summary>
    /// A trimmed, non-empty string field of at most <paramref name="max"/> characters without control characters; null (with an
    /// error when present but bad) otherwise. The rollout actions read their fields with it too.
    /// </summary>
    internal static string? Text(JsonElement root, string name, int max, Dictionary<string, string[]> errors)
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

    private static OperatorActionKind? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
