using ReleaseWatch.Orgs;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>
/// The rules every org gets after its own: standard batch errors, Nebula Logger errors, CDC activity, and the
/// Real-Time Event Monitoring streams (Shield or the Event Monitoring add-on, and the View Real-Time Event Monitoring
/// Data permission): Lightning page time (EffectivePageTime, ms, skipped when HasEffectivePageTimeDeviation), API
/// request time (ElapsedTime, ms; also the request count), and the concurrent long-running Apex limit being hit.
/// </summary>
internal static class DefaultSignalRules
{
    public static IReadOnlyList<SignalRuleOptions> All { get; } =
    [
        new() { Channel = "/event/BatchApexErrorEvent", Signal = "batch.error", Kind = SignalKind.Failure },
        new() { Channel = "/event/LogEntryEvent__e", Field = "LoggingLevel__c", Values = ["ERROR", "FATAL"], Signal = "apex.error", Kind = SignalKind.Failure },
        new() { Channel = "/event/LightningUriEventStream", Value = "EffectivePageTime", SkipValueWhen = "HasEffectivePageTimeDeviation", Signal = "ui.page-time", Kind = SignalKind.Activity },
        new() { Channel = "/event/ApiEventStream", Value = "ElapsedTime", Signal = "api.request", Kind = SignalKind.Activity },
        new() { Channel = "/event/ConcurLongRunApexErrEvent", Signal = "apex.concurrent-limit", Kind = SignalKind.Failure },
        new() { Channel = "/data/*", Field = "ChangeEventHeader.changeType", Values = ["CREATE", "UPDATE", "DELETE"], Signal = "business.{object}.{change}", Kind = SignalKind.Activity },
    ];
}
