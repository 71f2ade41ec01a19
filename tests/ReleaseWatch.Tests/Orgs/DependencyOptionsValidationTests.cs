using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Tests.Orgs;

/// <summary>An org's declared dependencies are checked at start; each mistake names its setting.</summary>
public sealed class DependencyOptionsValidationTests
{
    [Theory]
    [InlineData("Name", "Payments API", "ReleaseWatch:Orgs:0:Dependencies:0:Name must be lower-case")]
    [InlineData("Url", "http://payments.example.com/health", "ReleaseWatch:Orgs:0:Dependencies:0:Url must use https")]
    [InlineData("Url", "/health", "ReleaseWatch:Orgs:0:Dependencies:0:Url must be an absolute https URL")]
    [InlineData("Url", "ftp://payments.example.com/", "ReleaseWatch:Orgs:0:Dependencies:0:Url must use https")]
    [InlineData("Url", "https://user:secret@payments.example.com/", "ReleaseWatch:Orgs:0:Dependencies:0:Url must not carry credentials")]
    [InlineData("ExpectedStatus", "700", "ReleaseWatch:Orgs:0:Dependencies:0:ExpectedStatus must be an HTTP status")]
    [InlineData("TimeoutSeconds", "0", "ReleaseWatch:Orgs:0:Dependencies:0:TimeoutSeconds must be 1–60")]
    public void A_bad_dependency_setting_fails_the_start_naming_the_key(string key, string value, string expected)
    {
        var settings = Valid();
        settings[$"ReleaseWatch:Orgs:0:Dependencies:0:{key}"] = value;

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_name_declared_twice_for_one_org_fails_naming_the_second()
    {
        var settings = Valid();
        settings["ReleaseWatch:Orgs:0:Dependencies:1:Name"] = "payments";
        settings["ReleaseWatch:Orgs:0:Dependencies:1:Url"] = "https://payments-eu.example.com/health";

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains("ReleaseWatch:Orgs:0:Dependencies:1:Name 'payments' is declared twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://payments.example.com/health")]
    [InlineData("http://127.0.0.1:8080/health")]
    [InlineData("http://localhost:8080/health")]
    [InlineData("http://[::1]:8080/health")]
    public void Https_anywhere_and_http_on_loopback_are_accepted(string url)
    {
        var settings = Valid();
        settings["ReleaseWatch:Orgs:0:Dependencies:0:Url"] = url;

        var dependency = Assert.Single(Resolve(settings).Orgs[0].Dependencies);

        Assert.Equal(new Uri(url), dependency.Url);
        Assert.Equal(TimeSpan.FromSeconds(DependencyOptions.DefaultTimeoutSeconds), dependency.Timeout);
    }

    [Theory]
    [InlineData(null, 204, true)]
    [InlineData(null, 302, false)]
    [InlineData(503, 503, true)]
    [InlineData(204, 200, false)]
    public void Healthy_is_any_2xx_unless_one_status_is_expected(int? expected, int status, bool healthy) =>
        Assert.Equal(healthy, new DependencyOptions { ExpectedStatus = expected }.IsHealthy(status));

    private static Dictionary<string, string?> Valid() => new()
    {
        ["ReleaseWatch:Orgs:0:Id"] = "00D000000000001AAA",
        ["ReleaseWatch:Orgs:0:Name"] = "Org",
        ["ReleaseWatch:Orgs:0:Environment"] = "production",
        ["ReleaseWatch:Orgs:0:Dependencies:0:Name"] = "payments",
        ["ReleaseWatch:Orgs:0:Dependencies:0:Url"] = "https://payments.example.com/health",
    };

    private static OrgCatalogOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddReleaseWatchIntake(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OrgCatalogOptions>>().Value;
    }
}
