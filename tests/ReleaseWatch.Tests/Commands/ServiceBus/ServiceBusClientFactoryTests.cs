using Azure.Identity;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;

namespace ReleaseWatch.Tests.Commands.ServiceBus;

public sealed class ServiceBusClientFactoryTests
{
    [Theory]
    [InlineData("acme.servicebus.windows.net")]
    [InlineData(" sb://acme.servicebus.windows.net/ ")]
    [InlineData("acme.servicebus.windows.net/")]
    public async Task Create_on_a_namespace_uses_its_host_with_Microsoft_Entra(string value)
    {
        await using var client = ServiceBusClientFactory.Create(new ServiceBusOptions { Namespace = value }, new DefaultAzureCredential());

        Assert.Equal("acme.servicebus.windows.net", client.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task Create_prefers_the_connection_string_when_both_are_set()
    {
        var options = new ServiceBusOptions
        {
            ConnectionString = "Endpoint=sb://other.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=",
            Namespace = "acme.servicebus.windows.net",
        };

        await using var client = ServiceBusClientFactory.Create(options, new DefaultAzureCredential());

        Assert.Equal("other.servicebus.windows.net", client.FullyQualifiedNamespace);
    }

    [Fact]
    public void Create_without_a_namespace_or_connection_string_names_both_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusClientFactory.Create(new ServiceBusOptions(), new DefaultAzureCredential()));

        Assert.Contains("ReleaseWatch:ServiceBus:Namespace", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=", null, true)]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessSignature=SharedAccessSignature sr=x&sig=y&se=1&skn=send", null, true)]
    [InlineData(null, "acme.servicebus.windows.net", true)]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/", null, false)]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send", null, false)]
    [InlineData("SharedAccessKeyName=send;SharedAccessKey=abc=", null, false)]
    [InlineData("not a connection string", null, false)]
    [InlineData(null, null, false)]
    public void IsValid_accepts_only_settings_that_make_a_client(string? connectionString, string? ns, bool valid)
    {
        Assert.Equal(valid, ServiceBusClientFactory.IsValid(new ServiceBusOptions { ConnectionString = connectionString, Namespace = ns }));
    }
}
