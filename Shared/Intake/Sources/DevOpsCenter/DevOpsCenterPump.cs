using Microsoft.Extensions.Options;
using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>Functions mode: one timer run listens to every DevOps Center org for PumpDuration, resuming from its checkpoint.</summary>
internal sealed class DevOpsCenterPump(DevOpsCenterRunner runner, DevOpsCenterOrgs orgs, IOptions<SignalCaptureOptions> capture)
{
    /// <summary>Returns the ids of the orgs this run listened to (the others were held by another instance).</summary>
    public async Task<IReadOnlyList<string>> PumpAsync(CancellationToken cancellationToken)
    {
        var all = orgs.All;
        var ran = await Task.WhenAll(all.Select(org => runner.RunAsync(org, capture.Value.PumpDuration, waitForLease: false, cancellationToken)));
        return [.. all.Where((_, i) => ran[i]).Select(o => o.Id)];
    }
}
