using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Commands.ServiceBus;

namespace ReleaseWatch.Tests.Commands;

public sealed class RespondersRegistrationTests
{
    private const string SasConnectionString = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=releasewatch-send;SharedAccessKey=abc=";

    [Fact]
    public void Without_Service_Bus_the_command_sender_is_the_null_one_that_sends_nothing()
    {
        using var services = Create(new Dictionary<string, string?>());

        // The dispatcher leaves commands Pending in the outbox until Service Bus is configured.
        Assert.False(services.GetRequiredService<ICommandSender>().Enabled);
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Theory]
    [InlineData("ReleaseWatch:ServiceBus:ConnectionString", SasConnectionString)]
    [InlineData("ReleaseWatch:ServiceBus:Namespace", "acme.servicebus.windows.net")]
    public async Task An_sb_connection_string_or_a_namespace_sends_with_the_SDK_and_receives_with_its_processor(string setting, string value)
    {
        await using var services = Create(new Dictionary<string, string?> { [setting] = value });

        Assert.IsType<ServiceBusCommandSender>(services.GetRequiredService<ICommandSender>());
        Assert.IsType<ServiceBusResultProcessor>(Assert.Single(services.GetServices<IHostedService>()));
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672")]
    [InlineData("Endpoint=amqp://127.0.0.1:5672/;SharedAccessKeyName=guest;SharedAccessKey=guest")]
    public async Task An_amqp_connection_string_sends_and_receives_through_the_generic_AMQP_transport(string connectionString)
    {
        await using var services = Create(new Dictionary<string, string?> { ["ReleaseWatch:ServiceBus:ConnectionString"] = connectionString });

        Assert.IsType<AmqpCommandSender>(services.GetRequiredService<ICommandSender>());
        Assert.IsType<CommandResultReceiver>(Assert.Single(services.GetServices<IHostedService>()));
    }

    [Theory]
    [InlineData(SasConnectionString)]
    [InlineData("amqp://guest:guest@127.0.0.1:5672")]
    public async Task Under_the_Functions_host_commands_are_sent_but_results_come_from_the_host_trigger(string connectionString)
    {
        await using var services = Create(new Dictionary<string, string?>
        {
            ["ReleaseWatch:ServiceBus:ConnectionString"] = connectionString,
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999",
        });

        Assert.True(services.GetRequiredService<ICommandSender>().Enabled);
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Theory]
    [InlineData("Endpoint=sb://acme/", "Endpoint=sb://<namespace>/")]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send", "ReleaseWatch:ServiceBus:Namespace")]
    [InlineData("Endpoint=amqp://127.0.0.1:5672/", "amqp://")]
    [InlineData("amqp://", "amqp://")]
    public async Task A_malformed_connection_string_fails_validation_naming_the_setting_and_its_form(string connectionString, string form)
    {
        await using var services = Create(new Dictionary<string, string?> { ["ReleaseWatch:ServiceBus:ConnectionString"] = connectionString });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ServiceBusOptions>>().Value);

        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains(form, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_SDK_sender_delivers_a_command_to_the_namespace_its_connection_string_names()
    {
        await using var peer = ServiceBusNamespace.Start();
        await using var services = Create(new Dictionary<string, string?>
        {
            ["ReleaseWatch:ServiceBus:ConnectionString"] = peer.ConnectionString(),
            ["ReleaseWatch:ServiceBus:SendTimeout"] = "00:00:10",
        });
        var command = Some.Command();

        await services.GetRequiredService<ICommandSender>().SendAsync(command, CancellationToken.None);

        Assert.Equal(command.CommandId, Assert.Single(peer.Queue(ServiceBusNamespace.Commands).Enqueued).Properties.MessageId);
    }

    private static ServiceProvider Create(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICommandResultHandler>(new RecordingResultHandler());
        services.AddReleaseWatchResponders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
