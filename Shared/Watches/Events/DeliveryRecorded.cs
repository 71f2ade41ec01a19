namespace ReleaseWatch.Watches.Events;

/// <summary>What the dispatcher reported of an outbox item (e.g. a channel that kept failing). Changes no phase.</summary>
public sealed record DeliveryRecorded(string ItemId, string What) : WatchEvent;
