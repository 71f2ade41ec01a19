using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Fails the app at start when ReleaseWatch:Sources is incomplete, naming the setting: a mapping's source, match keys and
/// org; a sender with mappings but no credentials (or a short secret); a DevOps Center org without Salesforce settings.
/// Entries are named by their keys in configuration (binding renumbers a list with gaps, the message must not).
/// </summary>
internal sealed class SourcesOptionsValidator(IOptions<OrgCatalogOptions> orgCatalog, IConfiguration configuration) : IValidateOptions<SourcesOptions>
{
    private const int MinSecretLength = 16;
    private const string At = SourcesOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        var orgs = new OrgCatalog(orgCatalog);
        var mappingKeys = KeysOf("Mappings");
        var policies = configuration.GetSection(PolicyCatalog.SectionName).GetChildren().Select(c => c.Key)
            .Append(PolicyCatalog.DefaultPolicyName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Mappings.Count; i++)
        {
            CheckMapping(options.Mappings[i], mappingKeys.ElementAtOrDefault(i) ?? $"{At}:Mappings:{i}", orgs, policies, failures);
        }

        var used = options.Mappings.Select(m => m.Source).ToHashSet(StringComparer.OrdinalIgnoreCase);
        CheckSecret(options.GitHub.Secret, $"{At}:GitHub:Secret", used.Contains(SourceNames.GitHub), failures);
        CheckSecret(options.GitHub.SecretNext, $"{At}:GitHub:SecretNext", false, failures);
        CheckBasic(options.AzureDevOps.Username, options.AzureDevOps.Password, $"{At}:AzureDevOps", used.Contains(SourceNames.AzureDevOps), failures);
        var gearset = options.Gearset;
        CheckSecret(gearset.PathKey, $"{At}:Gearset:PathKey", false, failures);
        CheckBasic(gearset.Username, gearset.Password, $"{At}:Gearset", false, failures);
        if (used.Contains(SourceNames.Gearset) && string.IsNullOrEmpty(gearset.PathKey) && string.IsNullOrEmpty(gearset.Password))
        {
            failures.Add($"{At}:Gearset:PathKey (or Username and Password) is required: a mapping uses gearset.");
        }

        var devOpsCenterKeys = KeysOf("DevOpsCenter:Orgs");
        for (var i = 0; i < options.DevOpsCenter.Orgs.Count; i++)
        {
            var id = options.DevOpsCenter.Orgs[i];
            var key = devOpsCenterKeys.ElementAtOrDefault(i) ?? $"{At}:DevOpsCenter:Orgs:{i}";
            if (orgs.Find(id) is not { } org)
            {
                failures.Add($"{key} '{id}' is not an org of ReleaseWatch:Orgs.");
            }
            else if (org.Salesforce?.LoginUrl is null)
            {
                failures.Add($"{key} '{id}' needs ReleaseWatch:Orgs:{{i}}:Salesforce settings to subscribe to its events.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private List<string> KeysOf(string list) => [.. configuration.GetSection($"{At}:{list}").GetChildren().Select(c => c.Path)];

    private static void CheckMapping(SourceMappingOptions mapping, string at, OrgCatalog orgs, HashSet<string> policies, List<string> failures)
    {
        if (!SourceNames.MatchFields.TryGetValue(mapping.Source ?? "", out var fields))
        {
            failures.Add($"{at}:Source must be one of {string.Join(", ", SourceNames.MatchFields.Keys)} (got '{mapping.Source}').");
        }
        else if (mapping.Match.Count == 0)
        {
            failures.Add($"{at}:Match needs at least one of {string.Join(", ", fields)}.");
        }
        else
        {
            foreach (var (key, value) in mapping.Match)
            {
                if (!fields.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{at}:Match:{key} is not a field of {mapping.Source} (use {string.Join(", ", fields)}).");
                }
                else if (string.IsNullOrWhiteSpace(value))
                {
                    failures.Add($"{at}:Match:{key} must not be empty.");
                }
            }
        }

        if (orgs.Find(mapping.Org ?? "") is null)
        {
            failures.Add($"{at}:Org '{mapping.Org}' is not an org of ReleaseWatch:Orgs.");
        }

        if (!string.IsNullOrWhiteSpace(mapping.Policy) && !policies.Contains(mapping.Policy))
        {
            failures.Add($"{at}:Policy '{mapping.Policy}' is not a policy of {PolicyCatalog.SectionName}.");
        }
    }

    private static void CheckSecret(string? secret, string key, bool required, List<string> failures)
    {
        if (string.IsNullOrEmpty(secret))
        {
            if (required)
            {
                failures.Add($"{key} is required: a mapping uses this source.");
            }
        }
        else if (secret.Length < MinSecretLength)
        {
            failures.Add($"{key} must be at least {MinSecretLength} characters.");
        }
    }

    private static void CheckBasic(string? username, string? password, string at, bool required, List<string> failures)
    {
        if (string.IsNullOrEmpty(username) != string.IsNullOrEmpty(password))
        {
            failures.Add($"{at}:Username and {at}:Password go together: set both or neither.");
            return;
        }

        if (!string.IsNullOrEmpty(username) && username.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{at}:Username must not contain ':' (HTTP Basic separates it from the password with one).");
        }

        CheckSecret(password, $"{at}:Password", required, failures);
    }
}
