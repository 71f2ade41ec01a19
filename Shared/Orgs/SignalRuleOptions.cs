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
    /// The signal name. May use {object} (CDC entity name, lower case) and {change} (created, updated,
    /// deleted, undeleted) placeholders, e.g. business.{object}.{change}. Required.
    /// </summary>
    public string Signal { get; set; } = "";

    /// <summary>Failure (kept as evidence, nudges the watch) or Activity. Default: Failure.</summary>
    public SignalKind Kind { get; set; } = SignalKind.Failure;
}
