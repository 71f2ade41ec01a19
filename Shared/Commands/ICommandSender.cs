namespace ReleaseWatch.Commands;

/// <summary>Puts a command on the "release-commands" queue. Returns only once the broker accepted it.</summary>
public interface ICommandSender
{
    /// <summary>False for <see cref="NoCommandSender"/>: no Service Bus is configured, so commands wait Pending in the outbox.</summary>
    bool Enabled => true;

    Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken);
}

/// <summary>The sender when no Service Bus is configured: the dispatcher sees it is off and leaves commands Pending, unattempted.</summary>
internal sealed class NoCommandSender : ICommandSender
{
    public bool Enabled => false;

    public Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No Service Bus is configured (ReleaseWatch:ServiceBus): command {command.CommandId} stays in the outbox.");
}
