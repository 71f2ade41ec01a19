using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>The rules every org gets after its own: standard batch errors, Nebula Logger errors, CDC activity.</summary>
internal static class DefaultSignalRules
{
    public static IReadOnlyList<SignalRuleOptions> All { get; } =
    [
        new() { Channel = "/event/BatchApexErrorEvent", Signal = "batch.error", Kind = SignalKind.Failure },
        new() { Channel = "/event/LogEntryEvent__e", Field = "LoggingLevel__c", Values = ["ERROR", "FATAL"], Signal = "apex.error", Kind = SignalKind.Failure },
        new() { Channel = "/data/*", Field = "ChangeEventHeader.changeType", Values = ["CREATE", "UPDATE", "DELETE"], Signal = "business.{object}.{change}", Kind = SignalKind.Activity },
    ];
}
