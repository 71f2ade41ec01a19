using System.Text.Json.Nodes;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>Applies one org's rules (its own, then the defaults) to events. Pure: no I/O.</summary>
internal sealed class SignalClassifier(string orgId, IReadOnlyList<SignalRuleOptions> rules)
{
    private const int MaxMessageLength = 1000;

    public static SignalClassifier For(string orgId, IEnumerable<SignalRuleOptions> orgRules) =>
        new(orgId, [.. orgRules, .. DefaultSignalRules.All]);

    public ClassifiedEvent? Classify(StreamEvent streamEvent)
    {
        foreach (var rule in rules)
        {
            if (!ChannelMatches(rule.Channel, streamEvent.Channel))
            {
                continue;
            }

            var value = rule.Field is null ? null : Text(Field(streamEvent.Payload, rule.Field));
            if (rule.Field is not null && (value is null || (rule.Values.Count > 0 && !rule.Values.Contains(value, StringComparer.OrdinalIgnoreCase))))
            {
                continue;
            }

            var signal = Expand(rule.Signal, streamEvent.Payload);
            var evidence = rule.Kind == SignalKind.Failure ? EvidenceOf(streamEvent, signal) : null;
            return new ClassifiedEvent(streamEvent, signal, rule.Kind, evidence);
        }

        return null;
    }

    internal static bool ChannelMatches(string pattern, string channel)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern, channel, StringComparison.Ordinal);
        }

        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..];
        return channel.Length >= prefix.Length + suffix.Length
            && channel.StartsWith(prefix, StringComparison.Ordinal)
            && channel.EndsWith(suffix, StringComparison.Ordinal);
    }

    private static string Expand(string template, JsonObject payload)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var header = payload["ChangeEventHeader"];
        var entity = Text(header?["entityName"])?.ToLowerInvariant() ?? "unknown";
        var change = Text(header?["changeType"])?.ToUpperInvariant() switch
        {
            "CREATE" => "created",
            "UPDATE" => "updated",
            "DELETE" => "deleted",
            "UNDELETE" => "undeleted",
            var other => other?.ToLowerInvariant() ?? "unknown",
        };
        return template.Replace("{object}", entity, StringComparison.Ordinal).Replace("{change}", change, StringComparison.Ordinal);
    }

    private SignalEvidence EvidenceOf(StreamEvent streamEvent, string signal)
    {
        var payload = streamEvent.Payload;
        var message = First(payload, "ExceptionMessage__c", "Message__c", "Message");
        if (message is { Length: > MaxMessageLength })
        {
            message = message[..MaxMessageLength];
        }

        var recordIds = new List<string>();
        foreach (var name in new[] { "RecordId__c", "JobScope" })
        {
            if (Text(payload[name]) is { Length: > 0 } ids)
            {
                recordIds.AddRange(ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20));
            }
        }

        return new SignalEvidence(orgId, signal, streamEvent.Channel, streamEvent.ReplayId, streamEvent.OccurredAt,
            First(payload, "ExceptionType__c", "ExceptionType", "Type"),
            message,
            First(payload, "OriginLocation__c", "ApexClass__c", "FlowName__c", "Phase", "AsyncApexJobId"),
            recordIds);
    }

    private static string? First(JsonObject payload, params string[] names) =>
        names.Select(n => Text(payload[n])).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static JsonNode? Field(JsonObject payload, string path)
    {
        JsonNode? node = payload;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.ToString() : null;
}
