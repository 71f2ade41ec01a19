using Azure.Core;
using Azure.Messaging.ServiceBus;

namespace ReleaseWatch.Commands.ServiceBus;

/// <summary>
/// The one <see cref="ServiceBusClient"/> (one AMQP connection) that the command sender and the results
/// processor share: SAS from ReleaseWatch:ServiceBus:ConnectionString, else Microsoft Entra on
/// ReleaseWatch:ServiceBus:Namespace with the given credential (DefaultAzureCredential: managed identity in Azure).
/// </summary>
internal static class ServiceBusClientFactory
{
    public static ServiceBusClient Create(ServiceBusOptions options, TokenCredential credential)
    {
        var clientOptions = new ServiceBusClientOptions
        {
            Identifier = "releasewatch",
            // The SDK retries with back-off itself; SendTimeout bounds each try.
            RetryOptions = new ServiceBusRetryOptions { TryTimeout = options.SendTimeout },
        };
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new ServiceBusClient(NamespaceHost(options.Namespace), credential, clientOptions)
            : new ServiceBusClient(options.ConnectionString.Trim(), clientOptions);
    }

    /// <summary>
    /// True when the settings make a client: a connection string the SDK parses, with an endpoint and either a
    /// key name and key or a shared access signature; else a namespace. For validation at start.
    /// </summary>
    public static bool IsValid(ServiceBusOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return !string.IsNullOrWhiteSpace(options.Namespace);
        }

        try
        {
            var parts = ServiceBusConnectionStringProperties.Parse(options.ConnectionString.Trim());
            return parts.Endpoint is not null &&
                (!string.IsNullOrEmpty(parts.SharedAccessSignature) ||
                 (!string.IsNullOrEmpty(parts.SharedAccessKeyName) && !string.IsNullOrEmpty(parts.SharedAccessKey)));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>"acme.servicebus.windows.net", also when given as "sb://acme.servicebus.windows.net/".</summary>
    public static string NamespaceHost(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new InvalidOperationException("ReleaseWatch:ServiceBus:Namespace or ReleaseWatch:ServiceBus:ConnectionString must be set.");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : text.TrimEnd('/');
    }
}
