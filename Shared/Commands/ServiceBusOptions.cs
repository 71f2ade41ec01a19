namespace ReleaseWatch.Commands;

/// <summary>Where commands go and results come from (ReleaseWatch:ServiceBus). One of ConnectionString or Namespace is required.</summary>
public sealed class ServiceBusOptions
{
    /// <summary>
    /// A SAS connection string (Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=..;SharedAccessKey=..),
    /// authenticated with SASL PLAIN; or an amqp://user:pass@host:port URL (RabbitMQ in tests). Default: none.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>With Microsoft Entra (managed identity): the namespace host, e.g. ns.servicebus.windows.net. Default: none.</summary>
    public string? Namespace { get; set; }

    /// <summary>Queue for revert/remediation commands. Default "release-commands".</summary>
    public string CommandsQueue { get; set; } = "release-commands";

    /// <summary>Queue the deploy agent answers on. Default "release-command-results".</summary>
    public string ResultsQueue { get; set; } = "release-command-results";

    /// <summary>Prepended to queue names to form the AMQP address. Default "" (Service Bus); RabbitMQ uses "/amq/queue/" or "/queue/".</summary>
    public string AddressPrefix { get; set; } = "";

    /// <summary>How long the broker may take to accept one command. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
