using ReleaseWatch.Signals;

namespace ReleaseWatch.Orgs;

/// <summary>
/// Maps events of a channel (and optionally a field's value) to a signal (ReleaseWatch:Orgs:{i}:Salesforce:Rules:{j}).
/// Rules are tried in order, the org's own before the defaults; the first that matches names the signal.
/// </summary>
public sealed class SignalRuleOptions
{
    /// <summary>The channel, exact (/event/LogEntryEvent__e) or with one '*' (/data/*). Required.</summary>
    public string Channel { get; set; } = "";

    /// <summary>A payload field path, dot-separated (LoggingLevel__c, ChangeEventHeader.changeType). Optional.</summary>
    public string? Field { get; set; }

    /// <summary>Values of <see cref="Field"/> that match (case-insensitive). Empty = any value.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>
    /// With <see cref="Field"/>: the field must be a number at least this (e.g. 500 on HttpResponseStatusCode__c: failed
    /// callouts). A missing or non-numeric field does not match. Optional.
    /// </summary>
    public double? AtLeast { get; set; }

    /// <summary>With <see cref="Field"/>: the field must be a number below this (e.g. 400: successful callouts). Optional.</summary>
    public double? Below { get; set; }

    /// <summary>
    /// The signal name. May use {object} (CDC entity name, lower case) and {change} (created, updated,
    /// deleted, undeleted) placeholders, e.g. business.{object}.{change}. Required.
    /// </summary>
    public string Signal { get; set; } = "";

    /// <summary>
    /// A payload field path whose number is the event's value (EffectivePageTime, Timing.ElapsedMs), making the signal
    /// a value signal that value measures (mean, p50…p99, max, last) can judge. An event whose field is missing, null or
    /// not a number still counts; its value is skipped and counted as skipped. Optional.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>A boolean payload field path; when it is true the event's value is skipped (e.g. HasEffectivePageTimeDeviation). Optional.</summary>
    public string? SkipValueWhen { get; set; }

    /// <summary>Failure (kept as evidence, nudges the watch) or Activity. Default: Failure.</summary>
    public SignalKind Kind { get; set; } = SignalKind.Failure;
}
