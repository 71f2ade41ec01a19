using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Intake;

/// <summary>
/// Keeps the requests table to the signatures that could still be replayed: a signed request is taken only while its
/// timestamp is within MaxClockSkew of now, so a signature received at r can recur until at most r + 2 × MaxClockSkew.
/// Each ticker pass forgets those received before now − (2 × MaxClockSkew + <see cref="Margin"/>), at most
/// <see cref="PerSweep"/> of them (a busier table catches up over the next passes).
/// </summary>
internal sealed class SignedRequestPruning(ISignedRequestLedger ledger, TimeProvider time, IOptions<IntakeOptions> options, ILogger<SignedRequestPruning> logger) : ITickSweep
{
    /// <summary>Beyond the acceptance window, for clocks of instances that disagree a little.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>At most this many rows forgotten per pass: ten transactions of 100.</summary>
    public const int PerSweep = 1000;

    /// <summary>How long a signature is kept after it was received.</summary>
    public TimeSpan Retention => (2 * options.Value.MaxClockSkew) + Margin;

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Retention;
        var pruned = await ledger.PruneAsync(before, PerSweep, cancellationToken);
        if (pruned > 0)
        {
            IntakeLogs.Pruned(logger, pruned, before);
        }
    }
}
