using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Watches.Runtime;

/// <summary>How watches run (ReleaseWatch:Watches), and where people find them (ReleaseWatch:PublicBaseUrl).</summary>
public sealed class WatchOptions
{
    /// <summary>The service's public URL, for links in alerts (e.g. https://releasewatch.example.com). Default: http://127.0.0.1:7071.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071");

    /// <summary>Standalone only: how often the ticker looks for due timers. Default 5 s (Functions: the Ticker's schedule).</summary>
    [TimeSpanRange("00:00:00.050", "00:10:00", ErrorMessage = "ReleaseWatch:Watches:TickInterval must be between 50 ms and 10 minutes.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a ticker's claim on a timer lasts; if it dies, another ticker takes the timer after this. Default 2 minutes.</summary>
    [TimeSpanRange("00:00:05", "01:00:00", ErrorMessage = "ReleaseWatch:Watches:TimerClaim must be between 5 s and 1 hour.")]
    public TimeSpan TimerClaim { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many times a timer's step may fail before it is given up (a poison timer): the watch records the error, the
    /// platform owner is alerted, the timer is not retried. Default 5 (with the default claim, about 10 minutes).
    /// </summary>
    [SettingRange(1, 100, ErrorMessage = "ReleaseWatch:Watches:MaxTimerAttempts must be between 1 and 100.")]
    public int MaxTimerAttempts { get; set; } = 5;

    /// <summary>
    /// How many open watches' last stored state this instance keeps, so a check does not read the state row again (about
    /// 8 KB of heap each with a 10-metric policy copy). Default 10000; 0 reads every state from storage.
    /// </summary>
    [SettingRange(0, 1_000_000, ErrorMessage = "ReleaseWatch:Watches:StateCacheSize must be between 0 and 1000000.")]
    public int StateCacheSize { get; set; } = 10_000;

    /// <summary>How many due timers one tick takes at most. Default 200.</summary>
    [SettingRange(1, 10_000, ErrorMessage = "ReleaseWatch:Watches:TimersPerTick must be between 1 and 10000.")]
    public int TimersPerTick { get; set; } = 200;
}

/// <summary>Checks WatchOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class WatchOptionsValidator : IValidateOptions<WatchOptions>;
