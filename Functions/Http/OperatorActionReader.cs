using System.Text.Json;
using ReleaseWatch.Watches.Deciding;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// Reads POST /api/watches/{id}/actions bodies: {"action": "abort" | "extend" | "approve-revert", "actor", "minutes"?, "reason"?}.
/// Every bad field is named (wrong JSON type, unpaired surrogate, control characters, out of range); nothing throws.
/// </summary>
internal static class OperatorActionReader
{
    private const int MaxReasonLength = 1024;

    public static (OperatorActed? Acted, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var document = ActionFields.Object(body, errors);
        if (document is null)
        {
            return (null, errors);
        }

        var root = document.RootElement;
        OperatorActionKind? kind = ActionFields.Text(root, "action", 32, errors) switch
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

        var actor = ActionFields.Actor(root, errors);
        var reason = ActionFields.Text(root, "reason", MaxReasonLength, errors);
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

    private static OperatorActionKind? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
