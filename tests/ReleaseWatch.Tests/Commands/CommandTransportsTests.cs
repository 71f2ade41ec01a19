using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

public sealed class CommandTransportsTests
{
    [Theory]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=", CommandTransport.AzureServiceBus)]
    [InlineData(" endpoint = SB://127.0.0.1:5672/;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true", CommandTransport.AzureServiceBus)]
    [InlineData("SharedAccessKeyName=send;SharedAccessKey=abc=;Endpoint=sb://acme.servicebus.windows.net/", CommandTransport.AzureServiceBus)]
    [InlineData("amqp://releasewatch:s3cret@127.0.0.1:5672", CommandTransport.Amqp)]
    [InlineData("amqps://broker.example.com", CommandTransport.Amqp)]
    [InlineData("Endpoint=amqp://127.0.0.1:5672/;SharedAccessKeyName=releasewatch;SharedAccessKey=s3cret", CommandTransport.Amqp)]
    public void For_picks_the_transport_by_the_connection_strings_scheme(string connectionString, CommandTransport expected)
    {
        Assert.Equal(expected, CommandTransports.For(new ServiceBusOptions { ConnectionString = connectionString }));
    }

    [Fact]
    public void For_uses_Azure_Service_Bus_when_only_a_namespace_is_set()
    {
        Assert.Equal(CommandTransport.AzureServiceBus, CommandTransports.For(new ServiceBusOptions { Namespace = "acme.servicebus.windows.net" }));
    }
}
