using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReleaseWatch.Intake;
using ReleaseWatch.Intake.Sources;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>ReleaseWatch:Sources is checked at start; each failure names the setting to fix.</summary>
public sealed class SourcesOptionsValidationTests
{
    private const string Org = "00D000000000001AAA";

    private static ServiceProvider Create(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Intake:SigningSecret"] = "test-signing-secret-0123456789",
            ["ReleaseWatch:Orgs:0:Id"] = Org,
            ["ReleaseWatch:Orgs:0:Name"] = "Acme Production",
            ["ReleaseWatch:Orgs:0:Environment"] = "production",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        return new ServiceCollection().AddReleaseWatchIntake(configuration).AddReleaseWatchSources(configuration).BuildServiceProvider();
    }

    private static string Failure(Dictionary<string, string?> settings)
    {
        using var services = Create(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcesOptions>>().Value).Message;
    }

    public static TheoryData<string, string, string, string> BadMappings => new()
    {
        { "Source", "bitbucket", "Match:environment", "ReleaseWatch:Sources:Mappings:0:Source must be one of" },
        { "Source", "github", "Match:branch", "ReleaseWatch:Sources:Mappings:0:Match:branch is not a field of github" },
        { "Source", "gearset", "Match:job", "ReleaseWatch:Sources:Gearset:PathKey (or Username and Password) is required" },
        { "Source", "azure-devops", "Match:stage", "ReleaseWatch:Sources:AzureDevOps:Password is required" },
    };

    [Theory]
    [MemberData(nameof(BadMappings))]
    public void A_mapping_with_an_unknown_source_or_field_or_without_its_sender_s_credentials_fails_naming_the_key(string key, string value, string match, string expected)
    {
        var message = Failure(new()
        {
            [$"ReleaseWatch:Sources:Mappings:0:{key}"] = value,
            [$"ReleaseWatch:Sources:Mappings:0:{match}"] = "x",
            ["ReleaseWatch:Sources:Mappings:0:Org"] = Org,
            ["ReleaseWatch:Sources:GitHub:Secret"] = "github-webhook-secret-0123456789",
        });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_to_an_org_or_policy_that_is_not_configured_fails_naming_it_and_its_key()
    {
        var message = Failure(new()
        {
            ["ReleaseWatch:Sources:Mappings:3:Source"] = "github",
            ["ReleaseWatch:Sources:Mappings:3:Match:environment"] = "production",
            ["ReleaseWatch:Sources:Mappings:3:Org"] = "00D999999999999AAA",
            ["ReleaseWatch:Sources:Mappings:3:Policy"] = "no-such-policy",
            ["ReleaseWatch:Sources:GitHub:Secret"] = "github-webhook-secret-0123456789",
        });

        Assert.Contains("ReleaseWatch:Sources:Mappings:3:Org '00D999999999999AAA' is not an org of ReleaseWatch:Orgs", message, StringComparison.Ordinal);
        Assert.Contains("ReleaseWatch:Sources:Mappings:3:Policy 'no-such-policy'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_secrets_half_set_credentials_and_a_DevOps_Center_org_without_Salesforce_settings_fail_naming_each()
    {
        var message = Failure(new()
        {
            ["ReleaseWatch:Sources:GitHub:Secret"] = "short",
            ["ReleaseWatch:Sources:AzureDevOps:Username"] = "azure-devops",
            ["ReleaseWatch:Sources:DevOpsCenter:Orgs:0"] = Org,
        });

        Assert.Contains("ReleaseWatch:Sources:GitHub:Secret must be at least 16 characters", message, StringComparison.Ordinal);
        Assert.Contains("ReleaseWatch:Sources:AzureDevOps:Username and ReleaseWatch:Sources:AzureDevOps:Password go together", message, StringComparison.Ordinal);
        Assert.Contains("ReleaseWatch:Sources:DevOpsCenter:Orgs:0", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'short'", message, StringComparison.Ordinal); // a secret is never echoed
    }

    [Fact]
    public void No_sources_configured_is_valid_and_every_sender_is_off()
    {
        using var services = Create([]);

        var options = services.GetRequiredService<IOptions<SourcesOptions>>().Value;

        Assert.Empty(options.Mappings);
        Assert.Null(options.GitHub.Secret);
    }
}
