using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

public sealed class RespondersRegistrationTests
{
    [Fact]
    public async Task Without_Service_Bus_a_command_is_refused_with_the_setting_to_fix()
    {
        await using var services = Create(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            services.GetRequiredService<ICommandSender>().SendAsync(Some.Command(), CancellationToken.None));

        Assert.Contains("ReleaseWatch:ServiceBus:ConnectionString", error.Message, StringComparison.Ordinal);
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
