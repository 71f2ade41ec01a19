using System.Text.Json.Nodes;
using ReleaseWatch.Salesforce.Classification;
using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce;

/// <summary>
/// Turns one long-poll response into stored facts, in an order that survives a crash anywhere: record,
/// count (buckets skip replay ids they already counted), keep evidence, and only then advance the
/// replay checkpoints. A failure signal nudges the org's watches (a no-op nudge when nothing watches).
/// </summary>
internal sealed class SignalBatchProcessor(TableSignalStore signals, StreamStateStore streams, SignalMessageRecorder recorder, TimeProvider time, IWatchNudge nudge)
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

        await signals.CountAsync(orgId, occurrences, storing);
        await signals.KeepEvidenceAsync(evidence, storing);
        await streams.SaveCheckpointsAsync(orgId, checkpoints, storing);
        CaptureMetrics.Stored(orgId, receivedAt, newest);
        if (evidence.Count > 0)
        {
            await nudge.NotifySignalsAsync(orgId, cancellationToken);
        }

        return new ProcessedBatch(newest);
    }
}
