using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake.Input;

namespace ReleaseWatch.Intake;

/// <summary>
/// Reads Event Grid deliveries in either schema (Event Grid, with Azure.Messaging.EventGrid, or CloudEvents 1.0):
/// a subscription validation, or ReleaseWatch.DeploymentCompleted events whose data is a deployment notice.
/// </summary>
internal static class EventGridDeliveries
{
    public const string DeploymentCompleted = "ReleaseWatch.DeploymentCompleted";

    /// <summary>Parses one delivery body (a single event or an array). Never throws for what a caller sent: bad input is an error naming the field.</summary>
    public static EventGridDelivery Read(BinaryData body)
    {
        using var document = JsonInput.TryParse(body.ToMemory(), out var field, out var problem);
        if (document is null)
        {
            return EventGridDelivery.Invalid(field, problem);
        }

        var errors = EventEnvelope.Check(document.RootElement, out var cloudEvents);
        if (errors.Count > 0)
        {
            return new EventGridDelivery("unknown", null, [], [], errors);
        }

        try
        {
            // CloudEvents are read from the document already parsed; the Event Grid schema by the SDK.
            return cloudEvents ? ReadCloudEvents(document.RootElement) : ReadEventGridEvents(body);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or JsonException)
        {
            // The envelope check is the precise answer; this is the backstop for whatever the SDK refuses beyond it.
            return EventGridDelivery.Invalid("$", $"Not a valid Event Grid or CloudEvents 1.0 event: {ex.Message}");
        }
    }

    private static EventGridDelivery ReadEventGridEvents(BinaryData body)
    {
        var events = EventGridEvent.ParseMany(body);
        foreach (var e in events)
        {
            if (e.TryGetSystemEventData(out var system) && system is SubscriptionValidationEventData validation)
            {
                return EventGridDelivery.Validation(validation.ValidationCode);
            }
        }

        return Collect("eventgrid", events.Select(e => (e.EventType, (BinaryData?)e.Data)));
    }

    /// <summary>
    /// CloudEvents 1.0 in the JSON format, read here rather than by <c>CloudEvent.ParseMany</c>, which binds by reflection
    /// (absent in the native executable). The envelope is already checked; left are the version and the data members.
    /// </summary>
    private static EventGridDelivery ReadCloudEvents(JsonElement root)
    {
        var elements = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
        var events = new List<(string Type, BinaryData? Data)>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.GetProperty("specversion").GetString() != "1.0")
            {
                errors[$"[{i}].specversion"] = ["Must be \"1.0\" (CloudEvents 1.0)."];
                continue;
            }

            var hasData = e.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;
            var hasBase64 = e.TryGetProperty("data_base64", out var base64) && base64.ValueKind != JsonValueKind.Null;
            if (hasData && hasBase64)
            {
                errors[$"[{i}].data_base64"] = ["Only one of data and data_base64 may be present."];
                continue;
            }

            BinaryData? payload = null;
            if (hasBase64)
            {
                if (!base64.TryGetBytesFromBase64(out var bytes))
                {
                    errors[$"[{i}].data_base64"] = ["Not valid base64."];
                    continue;
                }

                payload = BinaryData.FromBytes(bytes);
            }
            else if (hasData)
            {
                payload = BinaryData.FromString(data.GetRawText());
            }

            events.Add((e.GetProperty("type").GetString()!, payload));
        }

        return errors.Count > 0 ? new EventGridDelivery("cloudevents", null, [], [], errors) : Collect("cloudevents", events);
    }

    private static EventGridDelivery Collect(string schema, IEnumerable<(string Type, BinaryData? Data)> events)
    {
        var notices = new List<DeploymentNotice>();
        var ignored = new List<string>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (type, data) in events)
        {
            var at = $"[{index++}]";
            if (!string.Equals(type, DeploymentCompleted, StringComparison.Ordinal))
            {
                ignored.Add(type);
                continue;
            }

            if (data is null)
            {
                errors[$"{at}.data"] = ["Required: the deployment notice."];
                continue;
            }

            var read = DeploymentNoticeReader.Read(data.ToMemory());
            if (read.IsValid)
            {
                notices.Add(read.Notice!);
            }

            foreach (var (field, messages) in read.Errors)
            {
                errors[$"{at}.data.{field}"] = messages;
            }
        }

        return new EventGridDelivery(schema, null, notices, ignored, errors);
    }
}

/// <summary>One Event Grid delivery, read: a validation code, or notices (with any event types ignored), or errors.</summary>
internal sealed record EventGridDelivery(
    string Schema,
    string? ValidationCode,
    IReadOnlyList<DeploymentNotice> Notices,
    IReadOnlyList<string> IgnoredTypes,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public static EventGridDelivery Validation(string code) => new("eventgrid", code, [], [], new Dictionary<string, string[]>());

    public static EventGridDelivery Invalid(string field, string message) =>
        new("unknown", null, [], [], new Dictionary<string, string[]> { [field] = [message] });
}
