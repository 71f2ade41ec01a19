using Microsoft.Extensions.Options;
using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Intake.Sources.DevOpsCenter;

/// <summary>Functions mode: one timer run listens to every DevOps Center org for PumpDuration, resuming from its checkpoint.</summary>
internal sealed class DevOpsCenterPump(DevOpsCenterListener listener, DevOpsCenterOrgs orgs, IOptions<SignalCaptureOptions> capture, TimeProvider time)
{
    /// <summary>Returns the ids of the orgs listened to.</summary>
    public async Task<IReadOnlyList<string>> PumpAsync(CancellationToken cancellationToken)
    {
        var all = orgs.All;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var limit = new CancellationTokenSource(capture.Value.PumpDuration, time);
        using var stop = limit.Token.Register(run.Cancel);
        await Task.WhenAll(all.Select(org => listener.RunAsync(org, run.Token)));
        return [.. all.Select(o => o.Id)];
    }
}
