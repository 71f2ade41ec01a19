using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands;
using ReleaseWatch.Outbox;

namespace ReleaseWatch.Tests.Commands;

public sealed class RespondersRegistrationTests
{
    [Fact]
    public void Without_Service_Bus_the_command_sender_is_the_null_one_that_sends_nothing()
    {
        using var services = Create(new Dictionary<string, string?>());

        // The dispatcher leaves commands Pending in the outbox until Service Bus is configured.
        Assert.False(services.GetRequiredService<ICommandSender>().Enabled);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_validation_naming_the_setting()
    {
        await using var services = Create(new Dictionary<string, string?> { ["ReleaseWatch:ServiceBus:ConnectionString"] = "Endpoint=sb://acme/" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ServiceBusOptions>>().Value);

        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Create(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReleaseWatchResponders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
