using System.Text.Json.Serialization;

namespace ReleaseWatch.Judging;

/// <summary>The result of judging one metric at one check. A closed set: nothing else is ever reported.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The signal was complete and healthy over the checked span and the failure rule did not hold.</summary>
    Passed,

    /// <summary>The signal was complete and healthy over the checked span and every condition of the failure rule held.</summary>
    Failed,

    /// <summary>
    /// No honest answer: the source is lagging or unknown, a gap overlaps the checked span, a ratio's
    /// denominator is zero, the checked span holds less than a minute yet, a stream feeding the signal is silent
    /// (its traffic collapsed against its baseline), or the only rules are relative and the baseline is too small or
    /// gapped. Never read as Passed.
    /// </summary>
    Inconclusive,

    /// <summary>The signal source is down: counts are incomplete. Alerts the platform owner; never reverts.</summary>
    Error,
}
