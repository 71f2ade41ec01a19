using ReleaseWatch.Commands;

namespace ReleaseWatch.Watches.Effects;

/// <summary>Put this command in the outbox, in the same transaction as the decision.</summary>
public sealed record SendCommand(ReleaseCommand Command) : WatchEffect;
