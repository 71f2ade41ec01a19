using System.Text.Json;
using Amqp;
using Amqp.Framing;

namespace ReleaseWatch.Commands;

/// <summary>Maps a command to its AMQP message, exactly as the "releasewatch.command/v1" contract says.</summary>
internal static class CommandMessage
{
    public const string ContentType = "application/json";

    public static Message Create(ReleaseCommand command)
    {
        var type = TypeName(command.Type);
        var message = new Message
        {
            BodySection = new Data { Binary = JsonSerializer.SerializeToUtf8Bytes(command, ReleaseWatchJson.Options) },
            Properties = new Properties
            {
                MessageId = command.CommandId,
                GroupId = command.Org.Id,
                CorrelationId = command.Deployment.Id,
                Subject = type,
                ContentType = ContentType,
            },
            ApplicationProperties = new ApplicationProperties(),
        };
        message.ApplicationProperties["type"] = type;
        message.ApplicationProperties["org"] = command.Org.Id;
        message.ApplicationProperties["severity"] = command.Severity;
        return message;
    }

    public static string TypeName(CommandType type) => type.ToString().ToLowerInvariant();
}
