using Amqp;

namespace ReleaseWatch.Commands;

/// <summary>The AMQP address to connect to, and whether it needs a Microsoft Entra token on $cbs.</summary>
internal sealed record ServiceBusEndpoint(Address Address, string Host, bool UsesEntraToken)
{
    private const int AmqpsPort = 5671;

    /// <summary>True when the options name a usable endpoint (for validation at start).</summary>
    public static bool IsValid(ServiceBusOptions options)
    {
        try
        {
            From(options);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or ArgumentException or Amqp.AmqpException)
        {
            return false;
        }
    }

    public static ServiceBusEndpoint From(ServiceBusOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return FromConnectionString(options.ConnectionString);
        }

        var host = options.Namespace!.Trim().TrimEnd('/');
        return new(new Address(host, AmqpsPort, null, null, "/", "amqps"), host, UsesEntraToken: true);
    }

    private static ServiceBusEndpoint FromConnectionString(string connectionString)
    {
        if (connectionString.StartsWith("amqp://", StringComparison.OrdinalIgnoreCase) ||
            connectionString.StartsWith("amqps://", StringComparison.OrdinalIgnoreCase))
        {
            var address = new Address(connectionString);
            return new(address, address.Host, UsesEntraToken: false);
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpoint) ||
            !parts.TryGetValue("SharedAccessKeyName", out var keyName) ||
            !parts.TryGetValue("SharedAccessKey", out var key))
        {
            throw new InvalidOperationException(
                "ReleaseWatch:ServiceBus:ConnectionString needs Endpoint, SharedAccessKeyName and SharedAccessKey.");
        }

        var uri = new Uri(endpoint);
        var secure = uri.Scheme is "sb" or "amqps";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (secure ? AmqpsPort : 5672) : uri.Port;
        var scheme = secure ? "amqps" : "amqp";
        return new(new Address(uri.Host, port, keyName, key, "/", scheme), uri.Host, UsesEntraToken: false);
    }
}
