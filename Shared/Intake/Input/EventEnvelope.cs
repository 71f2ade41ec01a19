using System.Text.Json;

namespace ReleaseWatch.Intake.Input;

/// <summary>
/// Checks the envelope of an Event Grid delivery before the SDK reads it, so a wrong type or a bad timestamp answers
/// 400 naming the field (e.g. "[0].eventTime") instead of an SDK exception: the Event Grid schema (id, subject,
/// eventType, eventTime, dataVersion) or CloudEvents 1.0 (id, source, specversion, type, time?).
/// </summary>
internal static class EventEnvelope
{
    private static readonly string[] EventGridRequired = ["id", "subject", "eventType", "eventTime"];
    private static readonly string[] EventGridOptional = ["topic", "dataVersion", "metadataVersion"];
    private static readonly string[] CloudEventRequired = ["id", "source", "specversion", "type"];
    private static readonly string[] CloudEventOptional = ["subject", "time", "datacontenttype", "dataschema", "data_base64"];

    /// <summary>Every envelope problem by path; <paramref name="cloudEvents"/> says which schema the first event uses.</summary>
    public static Dictionary<string, string[]> Check(JsonElement root, out bool cloudEvents)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        cloudEvents = false;
        var events = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
        if (events.Count == 0 || events.Any(e => e.ValueKind != JsonValueKind.Object))
        {
            errors["$"] = ["Expected an event object or a non-empty array of event objects."];
            return errors;
        }

        cloudEvents = events[0].TryGetProperty("specversion", out _);
        for (var i = 0; i < events.Count; i++)
        {
            var (required, optional, timeField) = cloudEvents
                ? (CloudEventRequired, CloudEventOptional, "time")
                : (EventGridRequired, EventGridOptional, "eventTime");
            foreach (var name in required.Concat(optional))
            {
                var path = $"[{i}].{name}";
                if (!events[i].TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    if (required.Contains(name))
                    {
                        errors[path] = ["Required."];
                    }

                    continue;
                }

                if (JsonInput.TryGetString(value, out var problem) is not { } text)
                {
                    errors[path] = [problem!];
                }
                else if (name == timeField && IsoTimestamp.TryParse(text) is null)
                {
                    errors[path] = [IsoTimestamp.Expected];
                }
            }

        }

        return errors;
    }
}
