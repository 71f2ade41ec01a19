using Azure;

namespace ReleaseWatch.Outbox;

/// <summary>An outbox row as read, with the ETag its update must match.</summary>
internal sealed record OutboxEntry(OutboxItem Item, ETag ETag);
