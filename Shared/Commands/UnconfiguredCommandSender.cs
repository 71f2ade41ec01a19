namespace ReleaseWatch.Commands;

/// <summary>
/// Stands where the AMQP sender would when no Service Bus is configured (an alert-only installation):
/// every send fails with the setting to fix, so the outbox keeps the command, retries it, and finally
/// records in the watch's history that it was never sent.
/// </summary>
internal sealed class UnconfiguredCommandSender : ICommandSender
{
    public Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            $"Command {command.CommandId} cannot be sent: set ReleaseWatch:ServiceBus:ConnectionString or ReleaseWatch:ServiceBus:Namespace.");
}
