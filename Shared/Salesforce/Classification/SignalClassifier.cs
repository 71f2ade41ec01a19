using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>Applies one org's rules (its own, then the defaults) to events. Pure: no I/O.</summary>
internal sealed class SignalClassifier(string orgId, IReadOnlyList<SignalRuleOptions> rules)
{
    private const int MaxMessageLength = 1000;

    public static SignalClassifier For(string orgId, IEnumerable<SignalRuleOptions> orgRules) =>
        new(orgId, [.. orgRules, .. DefaultSignalRules.All]);

    /// <summary>The rules tried, in order: the org's own, then the defaults.</summary>
    public IReadOnlyList<SignalRuleOptions> Rules => rules;

    public ClassifiedEvent? Classify(StreamEvent streamEvent)
    {
        foreach (var rule in rules)
        {
            if (!ChannelMatches(rule.Channel, streamEvent.Channel))
            {
                continue;
            }

            var value = rule.Field is null ? null : Text(Field(streamEvent.Payload, rule.Field));
            if (rule.Field is not null && (value is null || (rule.Values.Count > 0 && !rule.Values.Contains(value, StringComparer.OrdinalIgnoreCase))
                || !InRange(rule, streamEvent.Payload)))
            {
                continue;
            }

            var signal = Expand(rule.Signal, streamEvent.Payload);
            var evidence = rule.Kind == SignalKind.Failure ? EvidenceOf(streamEvent, signal) : null;
            return new ClassifiedEvent(streamEvent, signal, rule.Kind, evidence, ValueOf(rule, streamEvent.Payload));
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

    /// <summary>
    /// Whether <paramref name="rule"/> can name <paramref name="signal"/> for events of <paramref name="channel"/>.
    /// Field predicates are not checked (any event might match them); a CDC channel of one object
    /// (/data/OpportunityChangeEvent, /data/Invoice__ChangeEvent) fixes {object}, other channels may carry any object.
    /// </summary>
    internal static bool CouldName(SignalRuleOptions rule, string channel, string signal)
    {
        if (!ChannelMatches(rule.Channel, channel))
        {
            return false;
        }

        if (!rule.Signal.Contains('{', StringComparison.Ordinal))
        {
            return string.Equals(rule.Signal, signal, StringComparison.Ordinal);
        }

        var entity = ChangeEventEntity(channel);
        var pattern = Regex.Escape(rule.Signal)
            .Replace(@"\{object}", entity is null ? "[^.]+" : Regex.Escape(entity.ToLowerInvariant()), StringComparison.Ordinal)
            .Replace(@"\{change}", "[^.]+", StringComparison.Ordinal);
        return Regex.IsMatch(signal, $"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The object a single-object CDC channel carries: Opportunity for OpportunityChangeEvent, Invoice__c for Invoice__ChangeEvent.</summary>
    internal static string? ChangeEventEntity(string channel)
    {
        const string prefix = "/data/";
        const string suffix = "ChangeEvent";
        if (!channel.StartsWith(prefix, StringComparison.Ordinal) || !channel.EndsWith(suffix, StringComparison.Ordinal) || channel.Length == prefix.Length + suffix.Length)
        {
            return null;
        }

        var name = channel[prefix.Length..^suffix.Length];
        return name.EndsWith("__", StringComparison.Ordinal) ? name + "c" : name;
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

    /// <summary>A rule's AtLeast / Below on its field's number (e.g. HTTP status at least 500); true when it has neither.</summary>
    private static bool InRange(SignalRuleOptions rule, JsonObject payload)
    {
        if (rule.AtLeast is null && rule.Below is null)
        {
            return true;
        }

        return PayloadValue.Read(payload, rule.Field!).Number is { } number
            && (rule.AtLeast is not { } low || number >= low)
            && (rule.Below is not { } high || number < high);
    }

    private static ValueReading? ValueOf(SignalRuleOptions rule, JsonObject payload) => rule.Value is not { Length: > 0 } path ? null
        : rule.SkipValueWhen is { Length: > 0 } flag && PayloadValue.IsTrue(payload, flag) ? ValueReading.Skip($"{flag} is true")
        : PayloadValue.Read(payload, path);

    private SignalEvidence EvidenceOf(StreamEvent streamEvent, string signal)
    {
        var payload = streamEvent.Payload;
        var message = First(payload, "ExceptionMessage__c", "Message__c", "Message");
        if (message is { Length: > MaxMessageLength })
        {
            // Never cut a surrogate pair in two: half an emoji is text no JSON reader takes back.
            message = message[..(char.IsHighSurrogate(message[MaxMessageLength - 1]) ? MaxMessageLength - 1 : MaxMessageLength)];
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

    private static JsonNode? Field(JsonObject payload, string path) => PayloadValue.Find(payload, path);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.ToString() : null;
}

/// <summary>An event with the signal it counts towards; failures carry their trimmed evidence, value signals the event's reading.</summary>
internal sealed record ClassifiedEvent(StreamEvent Event, string Signal, SignalKind Kind, SignalEvidence? Evidence, ValueReading? Value = null);
