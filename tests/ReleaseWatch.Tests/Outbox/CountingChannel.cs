using ReleaseWatch.Alerts;

namespace ReleaseWatch.Tests.Outbox;

/// <summary>An alert channel that accepts or refuses every alert, and counts the attempts.</summary>
public sealed class CountingChannel(string name, bool refuses) : IAlertChannel
{
    private int _attempts;

    public string Name => name;

    public int Attempts => _attempts;

    public Task DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return refuses ? throw new HttpRequestException($"{name} is down") : Task.CompletedTask;
    }
}
