using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Salesforce;

internal static partial class SignalCaptureLogs
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Signal capture for org {OrgId} subscribed to {Channel} from replay id {ReplayId}")]
    public static partial void Subscribed(ILogger logger, string orgId, string channel, long replayId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId}: replay id {ReplayId} on {Channel} rejected ({Error}); resuming from {Fallback} and recording a gap")]
    public static partial void ReplayRejected(ILogger logger, string orgId, string channel, long replayId, string? error, long fallback);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId} failed (attempt {Attempt}: {Reason}), reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, Exception? exception, string orgId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Signal capture for org {OrgId}: server asked for a new handshake ({Error})")]
    public static partial void Rehandshake(ILogger logger, string orgId, string? error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Signal capture for org {OrgId} holds the lease as {Owner}")]
    public static partial void LeaseTaken(ILogger logger, string orgId, string owner);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Signal capture for org {OrgId}: this instance holds more than its share of {Share} orgs since another instance joined; letting the org go at its checkpoint")]
    public static partial void LeaseYielded(ILogger logger, string orgId, int share);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId}: its lease could not be read or renewed ({Reason}); trying again")]
    public static partial void LeaseUnavailable(ILogger logger, string orgId, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId} lost its lease; stopping this subscriber")]
    public static partial void LeaseLost(ILogger logger, string orgId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId}: the server delivered events of {Channel}, which was not subscribed; they are ignored (logged once per channel)")]
    public static partial void UnsubscribedChannel(ILogger logger, string orgId, string channel);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId}: /meta/connect unanswered past the advised {Timeout}; streams reported Reconnecting")]
    public static partial void PollOverdue(ILogger logger, string orgId, TimeSpan timeout);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Signal capture for org {OrgId}: the stream state could not be stored")]
    public static partial void ReportFailed(ILogger logger, Exception exception, string orgId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Org {OrgId}: metric '{Metric}' of policy '{Policy}' counts {Signal}, which none of the org's channels ({Channels}) can feed under its rules, so it can never fail. Subscribe a channel that carries it or add a rule naming it (ReleaseWatch:Orgs:N:Salesforce:Rules).")]
    public static partial void MetricUncovered(ILogger logger, string orgId, string metric, string policy, string signal, string channels);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Org {OrgId}: observe-mode metric '{Metric}' of policy '{Policy}' has no source for {Signal}, so the org cannot see that indicator. Latency needs Real-Time Event Monitoring (Shield or the Event Monitoring add-on, View Real-Time Event Monitoring Data) and a subscription to /event/LightningUriEventStream or /event/ApiEventStream; saturation.limit.* needs ReleaseWatch:Limits:Enabled.")]
    public static partial void IndicatorUnseen(ILogger logger, string orgId, string metric, string policy, string signal);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Org {OrgId}: template metric '{Metric}' of policy '{Policy}' has no member for {Signal}, so the org cannot see that indicator. dependency.* needs ReleaseWatch:Orgs:{{i}}:Dependencies declared (and ReleaseWatch:Dependencies:Enabled); business.* needs a change data capture channel.")]
    public static partial void FamilyUnseen(ILogger logger, string orgId, string metric, string policy, string signal);
}
