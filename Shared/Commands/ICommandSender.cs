namespace ReleaseWatch.Commands;

/// <summary>Puts a command on the "release-commands" queue. Returns only once the broker accepted it.</summary>
public interface ICommandSender
{
    Task SendAsync(ReleaseCommand command, CancellationToken cancellationToken);
}
