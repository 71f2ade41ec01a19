using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Signals;

/// <summary>How captured signals are written (ReleaseWatch:SignalCapture:Store).</summary>
public sealed class SignalStoreOptions
{
    /// <summary>
    /// How long an org's captured batches are gathered before one write stores them (counts, samples and the replay
    /// checkpoint in one transaction). Default 0: every batch is written before the next is taken. A fleet sets a
    /// second or so: fewer requests per event, detection later by at most this. At most 10 s.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:00:10", ErrorMessage = "ReleaseWatch:SignalCapture:Store:FlushInterval must be between 0 and 10 seconds.")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.Zero;

    /// <summary>With a flush interval: the most events an org gathers before its subscriber waits for the write. Default 20,000.</summary>
    [SettingRange(100, 1_000_000, ErrorMessage = "ReleaseWatch:SignalCapture:Store:MaxPendingEvents must be between 100 and 1,000,000.")]
    public int MaxPendingEvents { get; set; } = 20_000;

    /// <summary>
    /// Failure events kept as evidence per error fingerprint, signal and minute; the rest are counted per fingerprint
    /// only (tallies stay true totals). Default 5.
    /// </summary>
    [SettingRange(1, 1000, ErrorMessage = "ReleaseWatch:SignalCapture:Store:EvidencePerFingerprint must be between 1 and 1,000.")]
    public int EvidencePerFingerprint { get; set; } = 5;
}

/// <summary>Checks SignalStoreOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class SignalStoreOptionsValidator : IValidateOptions<SignalStoreOptions>;
