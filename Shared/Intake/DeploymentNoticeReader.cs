using System.Text.Json;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake.Input;

namespace ReleaseWatch.Intake;

/// <summary>
/// Reads and validates a deployment notice, naming every bad field (e.g. "org.id", "completedAt") so the
/// pipeline's author can fix them all at once.
/// </summary>
internal static class DeploymentNoticeReader
{
    private const int MaxTextLength = 256;

    public static DeploymentNoticeReadResult Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonInput.TryParse(json, out var field, out var problem);
        return document is null ? Invalid(field, problem) : Read(document.RootElement);
    }

    public static DeploymentNoticeReadResult Read(JsonElement root)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("$", "The body must be a JSON object.");
        }

        var deploymentId = Text(root, "deploymentId", "deploymentId", errors, required: true);
        var org = Object(root, "org", errors);
        var orgId = Text(org, "id", "org.id", errors, required: true);
        if (orgId is not null && !SalesforceOrgId.IsValid(orgId))
        {
            Add(errors, "org.id", "Must be a 15- or 18-character Salesforce org id starting with 00D.");
        }
        else if (orgId is not null && !OrgIdChecksum.IsValid(orgId))
        {
            Add(errors, "org.id", $"The last 3 characters must be the case checksum of the first 15 ('{OrgIdChecksum.SuffixOf(orgId)}'); send the id exactly as Salesforce shows it, or its 15-character form.");
        }

        var orgName = Text(org, "name", "org.name", errors, required: false);
        var environment = Text(org, "environment", "org.environment", errors, required: false);
        var release = Object(root, "release", errors);
        var version = Text(release, "version", "release.version", errors, required: true);
        var previousVersion = Text(release, "previousVersion", "release.previousVersion", errors, required: false);
        var commit = Text(release, "commit", "release.commit", errors, required: false);
        var completedAt = Timestamp(root, "completedAt", errors);
        var pipeline = Object(root, "pipeline", errors);
        var pipelineName = Text(pipeline, "name", "pipeline.name", errors, required: true);
        var runUrl = AbsoluteUrl(pipeline, "runUrl", "pipeline.runUrl", errors);
        var policy = Text(root, "policy", "policy", errors, required: false);

        if (errors.Count > 0)
        {
            return new DeploymentNoticeReadResult(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var notice = new DeploymentNotice(
            deploymentId!,
            new OrgRef(orgId!, orgName ?? "", environment ?? ""),
            new ReleaseRef(version!, previousVersion, commit),
            completedAt!.Value,
            new PipelineRef(pipelineName!, runUrl),
            policy);
        return new DeploymentNoticeReadResult(notice, new Dictionary<string, string[]>());
    }

    private static DeploymentNoticeReadResult Invalid(string field, string message) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });

    private static JsonElement? Object(JsonElement parent, string name, Dictionary<string, List<string>> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(errors, name, "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(errors, name, "Must be an object.");
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement? parent, string name, string path, Dictionary<string, List<string>> errors, bool required)
    {
        if (parent is not { } element)
        {
            return null; // the missing parent is already reported
        }

        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(errors, path, "Required.");
            }

            return null;
        }

        if (JsonInput.TryGetString(value, out var problem) is not { } raw)
        {
            Add(errors, path, problem!);
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            Add(errors, path, required ? "Required: must not be empty." : "Must not be empty when present.");
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            Add(errors, path, $"Must be at most {MaxTextLength} characters.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            Add(errors, path, "Must not contain control characters.");
            return null;
        }

        return text;
    }

    private static DateTimeOffset? Timestamp(JsonElement parent, string path, Dictionary<string, List<string>> errors)
    {
        var text = Text(parent, path, path, errors, required: true);
        if (text is null)
        {
            return null;
        }

        // An instant needs its offset: a local time without one would be judged against the wrong minutes.
        if (IsoTimestamp.TryParse(text) is { } at)
        {
            return at;
        }

        Add(errors, path, IsoTimestamp.Expected);
        return null;
    }

    private static Uri? AbsoluteUrl(JsonElement? parent, string name, string path, Dictionary<string, List<string>> errors)
    {
        var text = Text(parent, name, path, errors, required: false);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        Add(errors, path, "Must be an absolute http(s) URL.");
        return null;
    }

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(message);
    }
}

/// <summary>Either a valid notice, or every problem found, keyed by the JSON path of the field.</summary>
internal sealed record DeploymentNoticeReadResult(DeploymentNotice? Notice, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Notice is not null;
}
