using Microsoft.Extensions.Options;

namespace ReleaseWatch.Salesforce;

/// <summary>Functions mode: one timer run pumps every streamed org for PumpDuration, resuming from its checkpoints.</summary>
internal sealed class SignalPump(SignalCaptureRunner runner, IOptions<SignalCaptureOrgs> orgs, IOptions<SignalCaptureOptions> options)
{
    /// <summary>Returns the ids of the orgs this run pumped (the others were held by another instance).</summary>
    public async Task<IReadOnlyList<string>> PumpAsync(CancellationToken cancellationToken)
    {
        var streamed = orgs.Value.Streamed.ToList();
        var ran = await Task.WhenAll(streamed.Select(org =>
            runner.RunAsync(org, options.Value.PumpDuration, waitForLease: false, releaseOnStop: true, cancellationToken)));
        return [.. streamed.Where((_, i) => ran[i]).Select(o => o.Id)];
    }
}
