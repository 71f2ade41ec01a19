using System.Diagnostics;
using System.Text.Json;
using Amqp;
using Amqp.Framing;
using ReleaseWatch.Telemetry;

namespace ReleaseWatch.Commands;

/// <summary>
/// The "releasewatch.command/v1" contract on the wire: the body and the application properties every
/// transport puts on a command message, and the AMQP message the generic AMQP 1.0 transport sends.
/// </summary>
internal static class CommandMessage
{
    public const string ContentType = "application/json";

    public static Message Create(ReleaseCommand command)
    {
        var message = new Message
        {
            BodySection = new Data { Binary = Body(command) },
            Properties = new Properties
            {
                MessageId = command.CommandId,
                GroupId = command.Org.Id,
                CorrelationId = command.Deployment.Id,
                Subject = TypeName(command.Type),
                ContentType = ContentType,
            },
            ApplicationProperties = new ApplicationProperties(),
        };
        foreach (var (key, value) in ApplicationProperties(command).Concat(TraceProperties()))
        {
            message.ApplicationProperties[key] = value;
        }

        return message;
    }

    /// <summary>The JSON body, UTF-8, "schema" first.</summary>
    public static byte[] Body(ReleaseCommand command) => JsonSerializer.SerializeToUtf8Bytes(command, CommandsJsonContext.Dialect.ReleaseCommand);

    /// <summary>type, org and severity as strings, so an agent or a subscription filter can route without reading the body.</summary>
    public static IEnumerable<KeyValuePair<string, object>> ApplicationProperties(ReleaseCommand command) =>
    [
        new("type", TypeName(command.Type)),
        new("org", command.Org.Id),
        new("severity", command.Severity),
    ];

    /// <summary>
    /// Diagnostic-Id and traceparent (and tracestate) of the current span, the delivery of the command, so that the
    /// deploy agent continues the trace of the step that decided it. None with telemetry off.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object>> TraceProperties() => TraceParent.MessageProperties(Activity.Current);

    public static string TypeName(CommandType type) => type.ToString().ToLowerInvariant();
}
