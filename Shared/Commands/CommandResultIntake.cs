using Microsoft.Extensions.Logging;

namespace ReleaseWatch.Commands;

/// <summary>Parses a result and hands it to the watch; shared by the AMQP receiver and the Functions trigger.</summary>
internal sealed class CommandResultIntake(ICommandResultHandler handler, ILogger<CommandResultIntake> logger)
{
    /// <summary>Throws only when the handler fails (storage down): the message must then be redelivered, not dead-lettered.</summary>
    public async Task<CommandResultDisposition> TakeAsync(string body, CancellationToken cancellationToken)
    {
        if (!CommandResultParser.TryParse(body, out var result, out var error))
        {
            return Reject(CommandResultDisposition.Malformed(error));
        }

        var outcome = await handler.HandleAsync(result!, cancellationToken).ConfigureAwait(false);
        if (outcome == CommandResultOutcome.UnknownCommand)
        {
            return Reject(CommandResultDisposition.Unknown(result!.CommandId));
        }

        ServiceBusLogs.ResultStored(logger, result!.CommandId, result.Status);
        return CommandResultDisposition.Stored;
    }

    private CommandResultDisposition Reject(CommandResultDisposition disposition)
    {
        ServiceBusLogs.ResultRejected(logger, disposition.Condition, disposition.Reason);
        return disposition;
    }
}

/// <summary>What to do with a received result message.</summary>
/// <param name="Accepted">True: stored, settle it. False: dead-letter it with <paramref name="Condition"/> and <paramref name="Reason"/>.</param>
internal sealed record CommandResultDisposition(bool Accepted, string Condition, string Reason)
{
    public static CommandResultDisposition Stored { get; } = new(true, "", "");

    public static CommandResultDisposition Malformed(string reason) => new(false, "releasewatch:malformed-result", reason);

    public static CommandResultDisposition Unknown(string commandId) =>
        new(false, "releasewatch:unknown-command", $"No watch issued command \"{commandId}\".");
}
