using ReleaseWatch.Functions.Http;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Functions.Rollouts;

/// <summary>
/// Reads POST /api/rollouts/{id}/actions bodies: {"action": "pause" | "resume" | "skip" | "abort", "actor", "org"? (skip),
/// "reason"?}. Every bad field is named (wrong JSON type, unpaired surrogate or invalid UTF-8, control characters, too
/// long), as for the watch actions; nothing throws.
/// </summary>
internal static class RolloutActionReader
{
    // Longer text is refused as any over-long field; a text that is not an org id is named for skip, ignored otherwise.
    private const int MaxOrgLength = 128;
    private const int MaxReasonLength = 512;

    public static (RolloutOperatorActed? Acted, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var document = ActionFields.Object(body, errors);
        if (document is null)
        {
            return (null, errors);
        }

        var root = document.RootElement;
        RolloutAction? action = ActionFields.Text(root, "action", 32, errors) switch
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

        var actor = ActionFields.Actor(root, errors);
        var org = ActionFields.Text(root, "org", MaxOrgLength, errors);
        if (action == RolloutAction.Skip && !Deployments.SalesforceOrgId.IsValid(org))
        {
            errors.TryAdd("org", ["Required for skip: the 15- or 18-character id of an org in the current wave."]);
        }

        var reason = ActionFields.Text(root, "reason", MaxReasonLength, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new RolloutOperatorActed(action!.Value, actor!, action == RolloutAction.Skip ? org : null, reason), errors);
    }
}
