using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Signals;

/// <summary>
/// Stores what capture receives. With no flush interval each batch is stored before <see cref="StoreAsync"/> returns.
/// With one, an org's batches are gathered for the interval and stored in one write (one merge per minute row, the
/// checkpoints in the same transaction), so the requests per event fall with the load; a subscriber that gathers more
/// than the pending limit waits for the write. Nothing is checkpointed before it is stored, so a crash loses only what
/// the stream replays from its checkpoint. An org whose write stored failure evidence nudges its watches after it.
/// </summary>
internal sealed class SignalFlusher(TableSignalStore store, IWatchNudge nudge, TimeProvider time, IOptions<SignalStoreOptions> options, ILogger<SignalFlusher> logger)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Pending> _orgs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public async Task StoreAsync(CapturedBatch batch, CancellationToken cancellationToken)
    {
        var interval = options.Value.FlushInterval;
        if (interval <= TimeSpan.Zero || _stopping.IsCancellationRequested)
        {
            await WriteAsync(batch.OrgId, [batch], cancellationToken);
            return;
        }

        var pending = _orgs.GetOrAdd(batch.OrgId, _ => new Pending());
        Task? full;
        lock (pending)
        {
            pending.Batches.Add(batch);
            pending.Events += batch.Events;
            if (pending.Flushing is null)
            {
                pending.Flushing = Task.Run(() => FlushLoopAsync(batch.OrgId, pending, interval));
            }

            full = pending.Events >= options.Value.MaxPendingEvents ? pending.Written.Task : null;
        }

        if (full is not null)
        {
            await full.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stores everything gathered now and stops gathering: later batches are stored as they come (shutdown, benchmarks).</summary>
    public async Task FlushAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_orgs.Values.Select(p => { lock (p) { return p.Flushing ?? Task.CompletedTask; } }));
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        _stopping.Dispose();
    }

    private async Task FlushLoopAsync(string orgId, Pending pending, TimeSpan interval)
    {
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping (or flushing on request): store what is gathered now.
            }

            List<CapturedBatch> batches;
            TaskCompletionSource written;
            lock (pending)
            {
                (batches, written) = (pending.Batches, pending.Written);
                (pending.Batches, pending.Written, pending.Events) = ([], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), 0);
            }

            try
            {
                await WriteAsync(orgId, batches, CancellationToken.None);
                written.TrySetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var events = batches.Sum(b => b.Events);
                if (_stopping.IsCancellationRequested)
                {
                    SignalStoreLogs.DroppedAtShutdown(logger, orgId, events, ex);
                    written.TrySetException(ex);
                }
                else
                {
                    SignalStoreLogs.FlushFailed(logger, orgId, events, ex);
                    lock (pending)
                    {
                        // Kept, in order, ahead of what came since; the waiters wait for the next write.
                        pending.Batches.InsertRange(0, batches);
                        pending.Events += events;
                        pending.Written.Task.ContinueWith(
                            t => _ = t.Exception is { } failed ? written.TrySetException(failed.InnerExceptions) : written.TrySetResult(), TaskScheduler.Default);
                    }
                }
            }

            lock (pending)
            {
                if (pending.Batches.Count == 0)
                {
                    pending.Flushing = null;
                    return;
                }
            }
        }
    }

    private async Task WriteAsync(string orgId, IReadOnlyList<CapturedBatch> batches, CancellationToken cancellationToken)
    {
        var occurrences = batches.Count == 1 ? batches[0].Occurrences : [.. batches.SelectMany(b => b.Occurrences)];
        var evidence = batches.Count == 1 ? batches[0].Evidence : [.. batches.SelectMany(b => b.Evidence)];
        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (channel, replayId) in batches.SelectMany(b => b.Checkpoints))
        {
            checkpoints[channel] = Math.Max(replayId, checkpoints.GetValueOrDefault(channel, long.MinValue));
        }

        await store.StoreAsync(orgId, occurrences, evidence, checkpoints, cancellationToken);
        foreach (var batch in batches)
        {
            batch.Stored?.Invoke();
        }

        if (evidence.Count > 0)
        {
            await nudge.NotifySignalsAsync(orgId, CancellationToken.None);
        }
    }

    private sealed class Pending
    {
        public List<CapturedBatch> Batches { get; set; } = [];

        public int Events { get; set; }

        public TaskCompletionSource Written { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task? Flushing { get; set; }
    }
}
