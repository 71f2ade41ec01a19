using System.Text.Json.Serialization;


namespace ReleaseWatch.Watches.Deciding;

/// <summary>Why a watch wakes up.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WatchTimerKind>))]
public enum WatchTimerKind
{
    /// <summary>Judge the signals (the first one ends the warm-up).</summary>
    Check,
    /// <summary>The window ends: a last judgement, then Verified or Inconclusive.</summary>
    WindowEnd,
    /// <summary>An inconclusive or approval-pending watch waited long enough: the policy's default applies.</summary>
    DecisionDeadline,
    /// <summary>No command result arrived in time: escalate.</summary>
    ResponseTimeout,
}

/// <summary>What each timer starts: the one map from a timer's kind to the judgement it triggers.</summary>
internal static class WatchTimerKinds
{
    /// <summary>The judgement a check or window-end timer starts; null for a decision timer, which the decider takes as TimerFired.</summary>
    public static JudgementTrigger? Judges(this WatchTimerKind kind) => kind switch
    {
        WatchTimerKind.Check => JudgementTrigger.Check,
        WatchTimerKind.WindowEnd => JudgementTrigger.WindowEnd,
        _ => null,
    };
}

/// <summary>A wake-up the watch expects. A timer row the state does not expect is stale and ignored.</summary>
public sealed record WatchTimer(WatchTimerKind Kind, DateTimeOffset DueAt);
