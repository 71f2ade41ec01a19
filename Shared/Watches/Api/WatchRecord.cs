using ReleaseWatch.Outbox;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Watches.Api;

/// <summary>GET /api/watches/{id}: the state, every history entry (with each verdict's evidence) and the outbox.</summary>
public sealed record WatchRecord(WatchSummary Summary, WatchState State, IReadOnlyList<HistoryEntry> History, IReadOnlyList<OutboxItem> Outbox);
