using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

public sealed class ServiceBusEndpointTests
{
    [Fact]
    public void From_reads_a_SAS_connection_string_as_SASL_PLAIN_over_TLS_on_5671()
    {
        var endpoint = ServiceBusEndpoint.From(new ServiceBusOptions
        {
            ConnectionString = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=releasewatch-send;SharedAccessKey=ab+c/d==",
        });

        Assert.Equal(("acme.servicebus.windows.net", 5671, true), (endpoint.Address.Host, endpoint.Address.Port, endpoint.Address.UseSsl));
        Assert.Equal(("releasewatch-send", "ab+c/d=="), (endpoint.Address.User, endpoint.Address.Password));
        Assert.False(endpoint.UsesEntraToken);
    }

    [Fact]
    public void From_uses_a_Microsoft_Entra_token_when_only_the_namespace_is_set()
    {
        var endpoint = ServiceBusEndpoint.From(new ServiceBusOptions { Namespace = "acme.servicebus.windows.net" });

        Assert.True(endpoint.UsesEntraToken);
        Assert.Equal(("acme.servicebus.windows.net", 5671, true, null), (endpoint.Address.Host, endpoint.Address.Port, endpoint.Address.UseSsl, endpoint.Address.User));
    }

    [Fact]
    public void From_refuses_a_connection_string_without_its_key_and_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusEndpoint.From(new ServiceBusOptions { ConnectionString = "Endpoint=sb://acme.servicebus.windows.net/" }));

        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
