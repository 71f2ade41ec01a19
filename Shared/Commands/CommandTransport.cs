using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Commands;

/// <summary>Which client carries commands and results, chosen from ReleaseWatch:ServiceBus by <see cref="CommandTransports.For"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CommandTransport>))]
public enum CommandTransport
{
    /// <summary>Azure Service Bus through its SDK: an <c>Endpoint=sb://…</c> connection string (SAS) or a Namespace (Microsoft Entra).</summary>
    AzureServiceBus,

    /// <summary>A generic AMQP 1.0 broker through AMQPNetLite (RabbitMQ and the like): an <c>amqp://</c> or <c>amqps://</c> URL, or <c>Endpoint=amqp(s)://…</c>.</summary>
    Amqp,
}

/// <summary>Picks the transport by the connection string's scheme; a Namespace alone means Azure Service Bus with Microsoft Entra.</summary>
public static class CommandTransports
{
    /// <summary>"ReleaseWatch:ServiceBus": the section every transport reads.</summary>
    public const string Section = "ReleaseWatch:ServiceBus";

    /// <summary>The transport the configuration names; null when it names neither a connection string nor a namespace (commands stay in the outbox).</summary>
    public static CommandTransport? Configured(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return string.IsNullOrWhiteSpace(section["ConnectionString"]) && string.IsNullOrWhiteSpace(section["Namespace"])
            ? null
            : For(section.Get<ServiceBusOptions>() ?? new());
    }

    public static CommandTransport For(ServiceBusOptions options)
    {
        var connectionString = options.ConnectionString?.Trim();
        if (string.IsNullOrEmpty(connectionString))
        {
            return CommandTransport.AzureServiceBus;
        }

        var endpoint = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("Endpoint", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return (endpoint ?? connectionString).StartsWith("sb://", StringComparison.OrdinalIgnoreCase)
            ? CommandTransport.AzureServiceBus
            : CommandTransport.Amqp;
    }
}
