using System.Text.Json;
using ReleaseWatch.Commands;
using ReleaseWatch.Functions;
using ReleaseWatch.Outbox;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>local.settings.sample.json names every setting of the responders and of telemetry, each with a sample value.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sample = new(() =>
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
    });

    [Theory]
    [InlineData(typeof(ServiceBusOptions), "ReleaseWatch:ServiceBus")]
    [InlineData(typeof(OutboxOptions), "ReleaseWatch:Outbox")]
    [InlineData(typeof(ReleaseWatch.Functions.Dashboard.DashboardOptions), "ReleaseWatch:Dashboard")]
    public void Every_option_of_a_section_is_in_the_sample(Type options, string section)
    {
        var missing = options.GetProperties().Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}").Where(name => !Sample.Value.ContainsKey(name));

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(TelemetryExtensions.AzureMonitorSetting)]
    [InlineData(TelemetryExtensions.OtlpEndpointSetting)]
    [InlineData(TelemetryExtensions.OtlpProtocolSetting)]
    public void The_telemetry_settings_are_in_the_sample_and_off_there(string setting)
    {
        Assert.True(Sample.Value.TryGetValue(setting, out var value), $"{setting} is missing.");
        if (setting != TelemetryExtensions.OtlpProtocolSetting)
        {
            Assert.Equal("", value); // a local run exports nothing unless asked to
        }
    }

    [Fact]
    public void The_Azure_Monitor_exporter_options_in_the_sample_are_ones_the_exporter_has()
    {
        var known = typeof(Azure.Monitor.OpenTelemetry.Exporter.AzureMonitorExporterOptions).GetProperties().Select(p => p.Name).ToHashSet();
        var prefix = TelemetryExtensions.AzureMonitorOptionsSection + ":";
        var named = Sample.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(k => k[prefix.Length..]).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, known));
    }
}
