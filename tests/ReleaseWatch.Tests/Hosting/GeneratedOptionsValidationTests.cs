using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;
using ReleaseWatch.Salesforce;
using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>Settings are checked at start by validators generated at compile time; each bad value names its setting.</summary>
public sealed class GeneratedOptionsValidationTests
{
    [Theory]
    [InlineData("ReleaseWatch:Watches:TickInterval", "00:00:00.010", "ReleaseWatch:Watches:TickInterval must be between 50 ms")]
    [InlineData("ReleaseWatch:Watches:TimersPerTick", "0", "ReleaseWatch:Watches:TimersPerTick must be between 1 and 10000")]
    [InlineData("ReleaseWatch:Intake:MaxClockSkew", "02:00:00", "ReleaseWatch:Intake:MaxClockSkew must be between 5 seconds and 1 hour")]
    [InlineData("ReleaseWatch:Intake:SigningSecret", "too-short", "ReleaseWatch:Intake:SigningSecret must be at least 16 characters")]
    [InlineData("ReleaseWatch:Intake:SigningSecret", "", "ReleaseWatch:Intake:SigningSecret is required")]
    [InlineData("ReleaseWatch:SignalCapture:LeaseDuration", "00:00:01", "SignalCaptureOptions.LeaseDuration must be between 00:00:02 and 00:10:00")]
    [InlineData("ReleaseWatch:SignalCapture:Health:StaleAfter", "02:00:00", "StaleAfter must be between 00:00:05 and 01:00:00")]
    [InlineData("ReleaseWatch:SignalCapture:Store:FlushInterval", "00:01:00", "ReleaseWatch:SignalCapture:Store:FlushInterval must be between")]
    public void A_setting_out_of_its_bounds_fails_the_start_naming_it(string key, string value, string expected)
    {
        var settings = Valid();
        settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => ResolveAll(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_at_their_bounds_are_accepted()
    {
        var settings = Valid();
        settings["ReleaseWatch:Watches:TickInterval"] = "00:00:00.050";
        settings["ReleaseWatch:SignalCapture:LeaseDuration"] = "00:10:00";
        settings["ReleaseWatch:Intake:MaxDeploymentAge"] = "7.00:00:00";

        ResolveAll(settings);
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["ReleaseWatch:Intake:SigningSecret"] = "a-signing-secret-of-enough-length",
    };

    private static void ResolveAll(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddReleaseWatchIntake(configuration)
            .AddReleaseWatchWatches(configuration)
            .AddReleaseWatchSignalCapture(configuration);
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<IntakeOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<WatchOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<SignalCaptureOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<StreamHealthOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<SignalStoreOptions>>().Value;
    }
}
