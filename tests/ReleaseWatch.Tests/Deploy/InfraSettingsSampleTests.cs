using System.Text.Json;
using System.Text.RegularExpressions;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>
/// local.settings.sample.json lists every setting the code reads; a ReleaseWatch setting infra.bicep gives the
/// app that the sample does not know is a setting the code never reads (a typo, or a renamed option).
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class InfraSettingsSampleTests(CompiledInfra infra)
{
    [Fact]
    public void Every_ReleaseWatch_setting_the_template_sets_is_a_setting_of_local_settings_sample()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("local.settings.sample.json")));
        var known = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => Normalize(p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var templated = infra.AppSettingNames
            .Where(n => n.StartsWith("ReleaseWatch__", StringComparison.Ordinal))
            .Select(Normalize)
            .ToList();

        Assert.NotEmpty(templated);
        Assert.All(templated, name => Assert.True(
            known.Any(k => Matches(name, k)),
            $"infra.bicep sets {name}, which local.settings.sample.json does not list."));
    }

    /// <summary>ReleaseWatch:Orgs:0:Id and ReleaseWatch__Orgs__0__Id are one setting.</summary>
    private static string Normalize(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>A template name's {0}/{1} (an index or a policy name) matches any one segment of the sample's.</summary>
    private static bool Matches(string templated, string sample) =>
        Regex.IsMatch(sample, "^" + Placeholder().Replace(Regex.Escape(templated).Replace(@"\{", "{", StringComparison.Ordinal), "[^:]+") + "$", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
