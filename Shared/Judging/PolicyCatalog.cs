using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Judging;

/// <summary>
/// Every known policy by name (case-insensitive), read and validated once from ReleaseWatch:Policies, plus the
/// built-in "default" unless configuration defines its own.
/// </summary>
internal sealed class PolicyCatalog
{
    public const string SectionName = "ReleaseWatch:Policies";
    public const string DefaultPolicyName = "default";

    private readonly Dictionary<string, Policy> policies = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A catalog of the given policies (each validated) and the built-in default unless one is named "default".</summary>
    public PolicyCatalog(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies)
        {
            if (!this.policies.TryAdd(policy.Name, PolicyValidator.Validate(policy)))
            {
                throw new InvalidPolicyException(policy.Name, null, "name", "is used by more than one policy.");
            }
        }

        this.policies.TryAdd(DefaultPolicyName, DefaultPolicy.Create());
    }

    /// <summary>Reads ReleaseWatch:Policies from <paramref name="configuration"/> (the root); throws <see cref="InvalidPolicyException"/> on the first bad field.</summary>
    public static PolicyCatalog FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new PolicyCatalog(configuration.GetSection(SectionName).GetChildren()
            .Select(section => PolicyReader.Read(section.Key, section))
            .ToList());
    }

    public IReadOnlyCollection<string> Names => policies.Keys;

    public Policy Default => policies[DefaultPolicyName];

    public Policy Get(string name) => TryGet(name, out var policy)
        ? policy
        : throw new KeyNotFoundException($"No policy named '{name}' under {SectionName} (known: {string.Join(", ", Names.Order(StringComparer.Ordinal))}).");

    public bool TryGet(string name, [NotNullWhen(true)] out Policy? policy) => policies.TryGetValue(name, out policy);

    /// <summary>The policy a deployment is judged by: the one it names, else its org's, else the default.</summary>
    public Policy Resolve(string? deploymentPolicy, string? orgPolicy) => Get(NameOf(deploymentPolicy, orgPolicy));

    /// <summary>As <see cref="Resolve"/>, but false (not an exception) when the named policy does not exist.</summary>
    public bool TryResolve(string? deploymentPolicy, string? orgPolicy, [NotNullWhen(true)] out Policy? policy) =>
        TryGet(NameOf(deploymentPolicy, orgPolicy), out policy);

    private static string NameOf(string? deploymentPolicy, string? orgPolicy) =>
        !string.IsNullOrWhiteSpace(deploymentPolicy) ? deploymentPolicy
        : !string.IsNullOrWhiteSpace(orgPolicy) ? orgPolicy
        : DefaultPolicyName;
}
