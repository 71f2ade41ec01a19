using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Salesforce;

/// <summary>How signal capture runs (ReleaseWatch:SignalCapture).</summary>
public sealed class SignalCaptureOptions
{
    /// <summary>How long a subscriber's lease on an org lasts unless renewed; another instance takes over after it. Default: 60 s.</summary>
    [TimeSpanRange("00:00:02", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Functions mode: how long one SignalPump run keeps each org's stream open. Default: 50 s (the timer fires every minute).</summary>
    [TimeSpanRange("00:00:01", "00:09:00")]
    public TimeSpan PumpDuration { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>If set, every received message is appended to this JSON Lines file (recording format in design.md). Default: off.</summary>
    public string? RecordPath { get; set; }

    /// <summary>Longest back-off between reconnect attempts (with jitter). Default: 30 s.</summary>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First back-off delay after a failure. Default: 1 s.</summary>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Checks SignalCaptureOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class SignalCaptureOptionsValidator : IValidateOptions<SignalCaptureOptions>;
