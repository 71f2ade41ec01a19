namespace ReleaseWatch.Commands;

/// <summary>Where commands go and results come from (ReleaseWatch:ServiceBus). One of ConnectionString or Namespace is required.</summary>
public sealed class ServiceBusOptions
{
    /// <summary>
    /// The scheme picks the transport: Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=..;SharedAccessKey=..
    /// is Azure Service Bus through its SDK (SAS); amqp://user:pass@host:port (or Endpoint=amqp://..;SharedAccessKeyName=user;
    /// SharedAccessKey=password) is any AMQP 1.0 broker, e.g. RabbitMQ, through AMQPNetLite. Default: none.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>With Microsoft Entra (managed identity): the namespace host, e.g. ns.servicebus.windows.net. Default: none.</summary>
    public string? Namespace { get; set; }

    /// <summary>Queue for revert/remediation commands. Default "release-commands".</summary>
    public string CommandsQueue { get; set; } = "release-commands";

    /// <summary>Queue the deploy agent answers on. Default "release-command-results".</summary>
    public string ResultsQueue { get; set; } = "release-command-results";

    /// <summary>AMQP broker only: prepended to queue names to form the address. Default ""; RabbitMQ uses "/amq/queue/" or "/queue/". Ignored for Azure Service Bus.</summary>
    public string AddressPrefix { get; set; } = "";

    /// <summary>
    /// How long the broker may take to accept one command. Default 30 s. For Azure Service Bus this is the SDK's
    /// per-try timeout (it retries 3 times with exponential back-off).
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
