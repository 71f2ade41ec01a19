using System.Text.Json.Nodes;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Turns one long-poll response into stored facts, in an order that survives a crash anywhere: record, then count,
/// keep evidence and advance the replay checkpoints in one write (rows skip replay ids they already counted). A failure
/// signal nudges the org's watches once stored (a no-op nudge when nothing watches).
/// </summary>
internal sealed class SignalBatchProcessor(SignalFlusher signals, SignalMessageRecorder recorder, TimeProvider time)
{
    /// <param name="countFrom">Per channel, the time before which events are replayed history the org chose not to
    /// count (a channel resumed with -2 before it had a checkpoint): they advance the checkpoint, nothing else.</param>
    public async Task<ProcessedBatch> ProcessAsync(string orgId, SignalClassifier classifier, IReadOnlyList<JsonObject> messages, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, DateTimeOffset>? countFrom = null)
    {
        if (messages.Count == 0)
        {
            return ProcessedBatch.Empty;
        }

        // Once received, a batch is stored whole even when the subscriber is stopping (a pump run ending, a
        // scale-in): a stop between counting and the checkpoint would otherwise lose the evidence and, with no
        // earlier checkpoint to be refused, the gap that a later resume must report.
        var storing = CancellationToken.None;
        var receivedAt = time.GetUtcNow();
        await recorder.RecordAsync(orgId, messages, receivedAt, storing);
        var occurrences = new List<SignalOccurrence>(messages.Count);
        var evidence = new List<SignalEvidence>();
        var checkpoints = new Dictionary<string, long>(StringComparer.Ordinal);
        var newest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (StreamEvent.TryParse(message, receivedAt) is not { } streamEvent)
            {
                continue;
            }

            checkpoints[streamEvent.Channel] = Math.Max(streamEvent.ReplayId, checkpoints.GetValueOrDefault(streamEvent.Channel, long.MinValue));
            if (countFrom is not null && countFrom.TryGetValue(streamEvent.Channel, out var from) && streamEvent.OccurredAt < from)
            {
                continue;
            }

            if (!newest.TryGetValue(streamEvent.Channel, out var seen) || streamEvent.OccurredAt > seen)
            {
                newest[streamEvent.Channel] = streamEvent.OccurredAt;
            }

            // Every received event counts as its channel's traffic, classified or not: silence is a signal.
            occurrences.Add(new SignalOccurrence(ChannelTraffic.Signal(streamEvent.Channel), streamEvent.Channel, streamEvent.ReplayId, streamEvent.OccurredAt));
            if (classifier.Classify(streamEvent) is not { } classified)
            {
                continue;
            }

            occurrences.Add(new SignalOccurrence(classified.Signal, streamEvent.Channel, streamEvent.ReplayId, streamEvent.OccurredAt, classified.Value));
            if (classified.Evidence is not null)
            {
                evidence.Add(classified.Evidence);
            }
        }

        // Counts, evidence samples and checkpoints are stored together (at once, or gathered with the org's next batches for
        // the flush interval); the checkpoints never advance before the counts they cover. Failure evidence nudges the watches.
        await signals.StoreAsync(new CapturedBatch(orgId, occurrences, evidence, checkpoints, () => CaptureMetrics.Stored(orgId, receivedAt, newest)), storing);
        return new ProcessedBatch(newest);
    }
}
