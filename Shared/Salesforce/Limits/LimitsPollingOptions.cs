using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>Polling each watched org's REST /limits resource (ReleaseWatch:Limits).</summary>
public sealed class LimitsPollingOptions
{
    /// <summary>Whether to poll at all. Default false: each poll is one API call counted against the org's daily allocation.</summary>
    public bool Enabled { get; set; }

    /// <summary>One call per org per interval, only while the org has an open watch. Default 1 minute.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait after REQUEST_LIMIT_EXCEEDED (the wait doubles from Interval up to this). Default 30 minutes.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Also poll while the org has no open watch, so the baseline window before a deployment holds gauge values and
    /// relative rules can be judged. Default false: it costs one API call per org per interval all day (1,440 a day at
    /// one minute).
    /// </summary>
    public bool PollBetweenWatches { get; set; }
}

/// <summary>Checks LimitsPollingOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class LimitsPollingOptionsValidator : IValidateOptions<LimitsPollingOptions>;
