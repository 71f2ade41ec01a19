using System.Text.Json;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Intake.Input;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Functions.Rollouts;

/// <summary>
/// Reads POST /api/rollouts/{id}/actions bodies: {"action": "pause" | "resume" | "skip" | "abort", "actor", "org"? (skip),
/// "reason"?}. Every bad field is named (wrong JSON type, unpaired surrogate or invalid UTF-8, control characters, too
/// long), as for the watch actions; nothing throws.
/// </summary>
internal static class RolloutActionReader
{
    private const int MaxActorLength = 128;
    private const int MaxReasonLength = 512;

    public static (RolloutOperatorActed? Acted, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var document = JsonInput.TryParse(body, out var field, out var problem);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors[field] = [document is null ? problem : "The body must be a JSON object."];
            return (null, errors);
        }

        var root = document.RootElement;
        RolloutAction? action = OperatorActionReader.Text(root, "action", 32, errors) switch
        {
            "pause" => RolloutAction.Pause,
            "resume" => RolloutAction.Resume,
            "skip" => RolloutAction.Skip,
            "abort" => RolloutAction.Abort,
            _ => null,
        };
        if (action is null)
        {
            errors.TryAdd("action", ["Must be one of pause, resume, skip, abort."]);
        }

        var actor = OperatorActionReader.Text(root, "actor", MaxActorLength, errors);
        if (actor is null)
        {
            errors.TryAdd("actor", [$"Required: who acts (at most {MaxActorLength} characters)."]);
        }

        var org = OperatorActionReader.Text(root, "org", MaxActorLength, errors);
        if (action == RolloutAction.Skip && !Deployments.SalesforceOrgId.IsValid(org))
        {
            errors.TryAdd("org", ["Required for skip: the 15- or 18-character id of an org in the current wave."]);
        }

        var reason = OperatorActionReader.Text(root, "reason", MaxReasonLength, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new RolloutOperatorActed(action!.Value, actor!, action == RolloutAction.Skip ? org : null, reason), errors);
    }
}
