using Amqp;

namespace ReleaseWatch.Commands;

/// <summary>
/// The address of a generic AMQP 1.0 broker (RabbitMQ and the like): an <c>amqp://user:pass@host:port</c> or
/// <c>amqps://</c> URL, or <c>Endpoint=amqp(s)://host:port/;SharedAccessKeyName=user;SharedAccessKey=password</c>
/// (SASL PLAIN). Azure Service Bus (<c>sb://</c>) goes through its SDK instead.
/// </summary>
internal sealed record AmqpBrokerEndpoint(Address Address, string Host)
{
    /// <summary>True when the options name a usable broker (for validation at start).</summary>
    public static bool IsValid(ServiceBusOptions options)
    {
        try
        {
            From(options);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or ArgumentException or AmqpException)
        {
            return false;
        }
    }

    public static AmqpBrokerEndpoint From(ServiceBusOptions options)
    {
        var connectionString = options.ConnectionString?.Trim() ?? "";
        if (IsAmqpUrl(connectionString))
        {
            var address = new Address(connectionString);
            return string.IsNullOrEmpty(address.Host)
                ? throw new InvalidOperationException("ReleaseWatch:ServiceBus:ConnectionString names no broker host.")
                : new(address, address.Host);
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpoint) || !IsAmqpUrl(endpoint) ||
            !parts.TryGetValue("SharedAccessKeyName", out var user) ||
            !parts.TryGetValue("SharedAccessKey", out var password))
        {
            throw new InvalidOperationException(
                "ReleaseWatch:ServiceBus:ConnectionString needs an amqp(s):// Endpoint, SharedAccessKeyName and SharedAccessKey.");
        }

        var uri = new Uri(endpoint);
        var secure = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (secure ? 5671 : 5672) : uri.Port;
        return new(new Address(uri.Host, port, user, password, "/", uri.Scheme), uri.Host);
    }

    private static bool IsAmqpUrl(string text) =>
        text.StartsWith("amqp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("amqps://", StringComparison.OrdinalIgnoreCase);
}
