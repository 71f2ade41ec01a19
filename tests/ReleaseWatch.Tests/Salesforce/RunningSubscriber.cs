namespace ReleaseWatch.Tests.Salesforce;

/// <summary>A subscriber started by a test; disposing it stops it and waits for its end (and its last report).</summary>
public sealed class RunningSubscriber : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private bool _stopped;

    internal RunningSubscriber(Func<CancellationToken, Task> run) => _run = run(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }
}
