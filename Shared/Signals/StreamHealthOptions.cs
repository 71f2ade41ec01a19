using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Signals;

/// <summary>When a stream counts as down or lagging (ReleaseWatch:SignalCapture:Health).</summary>
public sealed class StreamHealthOptions
{
    /// <summary>A stream whose subscriber has not reported for this long is Down. Default: 3 minutes.</summary>
    [TimeSpanRange("00:00:05", "01:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A stream whose newest event arrived this much after it happened is Lagging. Default: 5 minutes.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan LagLimit { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Checks StreamHealthOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class StreamHealthOptionsValidator : IValidateOptions<StreamHealthOptions>;
