using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseWatch.Alerts;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Outbox;

/// <summary>
/// Delivers outbox rows: commands to the broker, alerts to their routed channels. A row is claimed with
/// its ETag before sending (so two dispatchers do not both send it), and marked Sent only after the
/// broker or every routed channel accepted it. Failures wait with back-off in NextAttemptAt. What belongs in
/// the watch's history comes back as <see cref="DeliveryReport"/>s: the dispatcher knows nothing of watches.
/// </summary>
internal sealed class OutboxDispatcher(
    TableOutboxStore store,
    ICommandSender commands,
    AlertRouter router,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : IOutboxDispatcher
{
    /// <summary>Delivers a watch's pending rows now; called right after a decision is stored.</summary>
    public async Task<IReadOnlyList<DeliveryReport>> DispatchAsync(string watchId, CancellationToken cancellationToken) =>
        await DeliverAllAsync(await store.PendingOfAsync(watchId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Delivers every due pending row of every watch: leftovers of crashes and retries. Called on every tick.</summary>
    public async Task<IReadOnlyList<DeliveryReport>> SweepAsync(CancellationToken cancellationToken)
    {
        var pending = await store.PendingAsync(cancellationToken).ConfigureAwait(false);
        return await DeliverAllAsync([.. pending.OrderBy(e => e.Item.CreatedAt)], cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeliveryReport>> DeliverAllAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var reports = new List<DeliveryReport>();
        foreach (var entry in entries)
        {
            if (await DeliverAsync(entry, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
            }
        }

        return reports;
    }

    private async Task<DeliveryReport?> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Without Service Bus (the null sender) commands stay Pending and unattempted in the outbox, visible in the API.
        if (entry.Item.NextAttemptAt > now || (entry.Item.Kind == OutboxItemKind.Command && !commands.Enabled))
        {
            return null;
        }

        var claim = entry.Item with { Attempts = entry.Item.Attempts + 1, NextAttemptAt = now + options.Value.ClaimFor };
        var claimed = await store.TryUpdateAsync(entry, claim, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            OutboxLogs.ClaimedElsewhere(logger, entry.Item.ItemId, entry.Item.WatchId);
            return null;
        }

        using var delivery = OutboxTelemetry.StartDelivery(claimed.Item);
        var attempt = claimed.Item.Kind == OutboxItemKind.Command
            ? await SendCommandAsync(claimed.Item, cancellationToken).ConfigureAwait(false)
            : await SendAlertAsync(claimed.Item, cancellationToken).ConfigureAwait(false);
        var report = await RecordAsync(claimed, attempt, cancellationToken).ConfigureAwait(false);
        OutboxTelemetry.Attempted(delivery, claimed.Item, report.Status, attempt.Error, time.GetUtcNow());
        return report.History;
    }

    private async Task<OutboxAttempt> SendCommandAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            await commands.SendAsync(item.Command!, cancellationToken).ConfigureAwait(false);
            return new OutboxAttempt(null, item.DeliveredChannels);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new OutboxAttempt(ex.Message, item.DeliveredChannels);
        }
    }

    private async Task<OutboxAttempt> SendAlertAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var delivered = new List<string>(item.DeliveredChannels);
        var errors = new List<string>();
        foreach (var channel in router.ChannelsFor(item.Alert!).Where(c => !delivered.Contains(c.Name, StringComparer.Ordinal)))
        {
            try
            {
                await channel.DeliverAsync(item.Alert!, cancellationToken).ConfigureAwait(false);
                delivered.Add(channel.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Each channel fails alone: a Teams outage must not keep the email from going out.
                errors.Add($"{channel.Name}: {ex.Message}");
            }
        }

        return new OutboxAttempt(errors.Count == 0 ? null : string.Join("; ", errors), delivered);
    }

    /// <summary>Stores the attempt on the row; returns the row's new status and what the watch's history should say of it, if anything.</summary>
    private async Task<(OutboxItemStatus Status, DeliveryReport? History)> RecordAsync(OutboxEntry claimed, OutboxAttempt attempt, CancellationToken cancellationToken)
    {
        var item = claimed.Item;
        var now = time.GetUtcNow();
        OutboxItem next;
        string? history = null;
        if (attempt.Error is null)
        {
            next = item with { Status = OutboxItemStatus.Sent, NextAttemptAt = null, LastError = null, DeliveredChannels = attempt.DeliveredChannels };
            OutboxLogs.Delivered(logger, item.Kind, item.ItemId, item.WatchId, item.Attempts);
            history = item.Kind == OutboxItemKind.Command ? $"command {item.ItemId} accepted by the broker" : null;
        }
        else if (item.Attempts >= options.Value.MaxAttempts)
        {
            next = item with { Status = OutboxItemStatus.Failed, NextAttemptAt = null, LastError = attempt.Error, DeliveredChannels = attempt.DeliveredChannels };
            OutboxLogs.GaveUp(logger, item.Kind, item.ItemId, item.WatchId, item.Attempts, attempt.Error);
            history = $"{item.Kind.ToString().ToLowerInvariant()} {item.ItemId} not delivered after {item.Attempts} attempts: {attempt.Error}";
        }
        else
        {
            var at = now + OutboxBackOff.After(item.Attempts, options.Value, Random.Shared);
            next = item with { NextAttemptAt = at, LastError = attempt.Error, DeliveredChannels = attempt.DeliveredChannels };
            OutboxLogs.Retrying(logger, item.Kind, item.ItemId, item.WatchId, item.Attempts, at, attempt.Error);
        }

        await store.TryUpdateAsync(claimed, next, cancellationToken).ConfigureAwait(false);
        return (next.Status, history is null ? null : new DeliveryReport(item.WatchId, item.ItemId, history));
    }
}

/// <summary>The result of one delivery attempt: no error means accepted everywhere it was routed.</summary>
internal sealed record OutboxAttempt(string? Error, IReadOnlyList<string> DeliveredChannels);
