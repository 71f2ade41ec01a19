using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

public sealed class AmqpBrokerEndpointTests
{
    [Fact]
    public void From_reads_an_amqp_url_with_its_user_and_password()
    {
        var endpoint = AmqpBrokerEndpoint.From(new ServiceBusOptions { ConnectionString = "amqp://releasewatch:s3cret@broker.internal:5673" });

        Assert.Equal(("broker.internal", 5673, false), (endpoint.Address.Host, endpoint.Address.Port, endpoint.Address.UseSsl));
        Assert.Equal(("releasewatch", "s3cret"), (endpoint.Address.User, endpoint.Address.Password));
    }

    [Theory]
    [InlineData("Endpoint=amqp://127.0.0.1:5672/;SharedAccessKeyName=guest;SharedAccessKey=pa/ss==", 5672, false)]
    [InlineData("Endpoint=amqps://broker.internal/;SharedAccessKeyName=guest;SharedAccessKey=pa/ss==", 5671, true)]
    [InlineData("Endpoint=amqp://broker.internal/;SharedAccessKeyName=guest;SharedAccessKey=pa/ss==", 5672, false)]
    public void From_reads_the_Endpoint_form_as_SASL_PLAIN_with_the_key_name_as_user(string connectionString, int port, bool tls)
    {
        var endpoint = AmqpBrokerEndpoint.From(new ServiceBusOptions { ConnectionString = connectionString });

        Assert.Equal((port, tls), (endpoint.Address.Port, endpoint.Address.UseSsl));
        Assert.Equal(("guest", "pa/ss=="), (endpoint.Address.User, endpoint.Address.Password));
    }

    [Theory]
    [InlineData("Endpoint=amqp://127.0.0.1:5672/")]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc")]
    [InlineData("not a connection string")]
    public void From_refuses_what_is_not_an_AMQP_broker_with_credentials_and_names_the_setting(string connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AmqpBrokerEndpoint.From(new ServiceBusOptions { ConnectionString = connectionString }));

        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.False(AmqpBrokerEndpoint.IsValid(new ServiceBusOptions { ConnectionString = connectionString }));
    }
}
