using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Demo;

/// <summary>The demo's story, told as it happens. Times are demo times; "+" is the time since the deployment.</summary>
internal static partial class DemoLogs
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information,
        Message = "DEMO replaying {Count} recorded Salesforce events of {OrgName} ({OrgId}) from {Recording} at {Speed}x speed: the service's clock now runs {Speed}x faster. The recorded deployment at {RecordedDeployment:u} plays at {DemoDeployment:u}.")]
    public static partial void Starting(ILogger logger, int count, string orgName, string orgId, string recording, double speed, DateTimeOffset recordedDeployment, DateTimeOffset demoDeployment);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information,
        Message = "DEMO {At:HH:mm:ss} baseline: the {Minutes} minutes before the deployment went through capture: {Counts}")]
    public static partial void BaselineReplayed(ILogger logger, DateTimeOffset at, int minutes, string counts);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information,
        Message = "DEMO {At:HH:mm:ss} deployment {DeploymentId} (release {Version}) posted to {Url}: HTTP {Status}. Watch started with policy '{Policy}': GET {WatchUrl}")]
    public static partial void DeploymentPosted(ILogger logger, DateTimeOffset at, string deploymentId, string version, string url, int status, string policy, string watchUrl);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "DEMO {Minute:HH:mm} ({After}) signals per minute: {Counts}")]
    public static partial void SignalsPerMinute(ILogger logger, DateTimeOffset minute, string after, string counts);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "DEMO {At:HH:mm:ss} ({After}) watch {From} -> {To}. {Note}")]
    public static partial void PhaseChanged(ILogger logger, DateTimeOffset at, string after, string from, string to, string note);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "DEMO {At:HH:mm:ss} ({After}) {Trigger} verdicts: {Verdicts}")]
    public static partial void Verdicts(ILogger logger, DateTimeOffset at, string after, string trigger, string verdicts);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Warning,
        Message = "DEMO {At:HH:mm:ss} ({After}) COMMAND {Type} {CommandId} for '{Metric}': {Reason} (decided {RealSeconds:0.0} s after the deployment was posted)")]
    public static partial void CommandIssued(ILogger logger, DateTimeOffset at, string after, string type, string commandId, string metric, string reason, double realSeconds);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Warning, Message = "DEMO {At:HH:mm:ss} ({After}) ALERT {Severity} \"{Title}\": {Summary}")]
    public static partial void AlertRaised(ILogger logger, DateTimeOffset at, string after, string severity, string title, string summary);

    [LoggerMessage(EventId = 5309, Level = LogLevel.Information, Message = "DEMO command {CommandId} is {Status} in the outbox. {Why}")]
    public static partial void CommandStatus(ILogger logger, string commandId, string status, string why);

    [LoggerMessage(EventId = 5310, Level = LogLevel.Information,
        Message = "DEMO {At:HH:mm:ss} the recording ends; the stream is reported stopped. The service keeps running on the demo clock; Ctrl-C stops it.")]
    public static partial void ReplayFinished(ILogger logger, DateTimeOffset at);

    [LoggerMessage(EventId = 5311, Level = LogLevel.Information,
        Message = "No org has Salesforce streaming settings (ReleaseWatch:Orgs:N:Salesforce and Channels), so nothing is captured. To see ReleaseWatch catch a recorded incident: bash Functions/run-local.sh --demo (or set ReleaseWatch:Demo:Enabled=true).")]
    public static partial void Offer(ILogger logger);

    [LoggerMessage(EventId = 5312, Level = LogLevel.Error, Message = "DEMO stopped: {Reason}")]
    public static partial void Failed(ILogger logger, string reason, Exception exception);
}
