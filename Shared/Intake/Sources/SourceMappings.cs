using Microsoft.Extensions.Options;

namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Finds the mapping of a sender's deployment (ReleaseWatch:Sources:Mappings, in order, first match wins). A match field
/// the deployment does not report never matches. Salesforce ids (stage, pipelineOrg) compare on their 15-character form.
/// </summary>
internal sealed class SourceMappings(IOptions<SourcesOptions> options)
{
    private static readonly HashSet<string> IdFields = new(["stage", "pipelineOrg"], StringComparer.OrdinalIgnoreCase);

    public SourceMappingOptions? Find(SourceDeployment deployment) =>
        options.Value.Mappings.FirstOrDefault(m =>
            string.Equals(m.Source, deployment.Source, StringComparison.OrdinalIgnoreCase)
            && m.Match.Count > 0
            && m.Match.All(pair => deployment.Match.TryGetValue(pair.Key, out var value) && Same(pair.Key, pair.Value, value)));

    /// <summary>Why nothing matched, naming what the deployment reported, for the 422 the sender's delivery log shows.</summary>
    public static string Unmapped(SourceDeployment deployment)
    {
        var reported = string.Join(", ", deployment.Match.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} '{p.Value}'"));
        return $"No ReleaseWatch:Sources:Mappings entry with Source '{deployment.Source}' matches {reported}; nothing was stored.";
    }

    private static bool Same(string field, string expected, string actual) =>
        IdFields.Contains(field) && SalesforceId(expected) && SalesforceId(actual)
            ? string.Equals(expected[..15], actual[..15], StringComparison.Ordinal)
            : string.Equals(expected.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool SalesforceId(string id) => id is { Length: 15 or 18 } && id.All(char.IsAsciiLetterOrDigit);
}
