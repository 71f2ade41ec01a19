using Microsoft.Extensions.Options;
using ReleaseWatch.Deployments;

namespace ReleaseWatch.Orgs;

/// <summary>Fails the app at start when an org entry is incomplete or repeated, naming the setting.</summary>
internal sealed class OrgCatalogOptionsValidator : IValidateOptions<OrgCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, OrgCatalogOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Orgs.Count; i++)
        {
            var org = options.Orgs[i];
            var at = $"ReleaseWatch:Orgs:{i}";
            if (!SalesforceOrgId.IsValid(org.Id))
            {
                failures.Add($"{at}:Id must be a 15- or 18-character Salesforce org id starting with 00D (got '{org.Id}').");
            }
            else if (!seen.Add(SalesforceOrgId.Key(org.Id)))
            {
                failures.Add($"{at}:Id '{org.Id}' is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(org.Name))
            {
                failures.Add($"{at}:Name is required.");
            }

            if (string.IsNullOrWhiteSpace(org.Environment))
            {
                failures.Add($"{at}:Environment is required (e.g. production, uat, sandbox).");
            }

            failures.AddRange(DependencyOptionsValidation.Failures(at, org.Dependencies));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
