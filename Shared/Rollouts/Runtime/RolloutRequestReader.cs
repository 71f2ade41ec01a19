using System.Globalization;
using System.Text.Json;
using System.Xml;
using ReleaseWatch.Deployments;
using ReleaseWatch.Intake.Input;
using ReleaseWatch.Judging;
using ReleaseWatch.Orgs;
using ReleaseWatch.Rollouts.Deciding;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>
/// Reads and validates POST /api/rollouts, naming every bad field ("waves[1].bake", "waves[0].orgs[2]") so the author
/// can fix them all at once. Orgs and groups resolve against the configured orgs; policies against the catalog.
/// </summary>
internal sealed class RolloutRequestReader(IOrgCatalog catalog, Microsoft.Extensions.Options.IOptions<OrgCatalogOptions> orgs, PolicyCatalog policies,
    Microsoft.Extensions.Options.IOptions<RolloutOptions> options)
{
    private const int MaxText = 128;
    private const int MaxWaves = 50;
    private static readonly TimeSpan MaxBake = TimeSpan.FromDays(14);

    public (RolloutPlan? Plan, Dictionary<string, string[]> Errors) Read(ReadOnlyMemory<byte> json)
    {
        var errors = new RequestErrors();
        // Invalid UTF-8 or a lone surrogate in any string is named here: read later, it would throw (a 500).
        using var document = JsonInput.TryParse(json, out var field, out var problem);
        if (document is null)
        {
            errors.Add(field, problem);
            return (null, errors.ToDictionary());
        }

        var plan = Read(document.RootElement, errors);
        return (errors.Any ? null : plan, errors.ToDictionary());
    }

    private RolloutPlan? Read(JsonElement root, RequestErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        var id = errors.Text(root, "rolloutId", "rolloutId", required: true, MaxText);
        var release = errors.Object(root, "release", "release", required: true);
        var version = errors.Text(release, "version", "release.version", required: true, MaxText);
        var previous = errors.Text(release, "previousVersion", "release.previousVersion", required: false, MaxText);
        var commit = errors.Text(release, "commit", "release.commit", required: false, MaxText);
        var pipeline = errors.Object(root, "pipeline", "pipeline", required: false);
        var pipelineName = errors.Text(pipeline, "name", "pipeline.name", required: false, MaxText) ?? "rollout";
        var runUrl = errors.Text(pipeline, "runUrl", "pipeline.runUrl", required: false, 2048);
        Uri? run = null;
        if (runUrl is not null && (!Uri.TryCreate(runUrl, UriKind.Absolute, out run) || run.Scheme is not ("http" or "https")))
        {
            errors.Add("pipeline.runUrl", "Must be an absolute http(s) URL.");
        }

        var waves = new List<WavePlan>();
        if (!root.TryGetProperty("waves", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxWaves)
        {
            errors.Add("waves", $"Required: an array of 1 to {MaxWaves} waves.");
        }
        else
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var wave in list.EnumerateArray())
            {
                if (ReadWave(wave, $"waves[{index}]", index, seen, errors) is { } plan)
                {
                    waves.Add(plan);
                }

                index++;
            }

            if (seen.Count > options.Value.MaxOrgs)
            {
                errors.Add("waves", $"At most {options.Value.MaxOrgs} orgs in one rollout (ReleaseWatch:Rollouts:MaxOrgs); got {seen.Count}.");
            }
        }

        return errors.Any ? null : new RolloutPlan(id!, new ReleaseRef(version!, previous, commit), new PipelineRef(pipelineName, run), waves);
    }

    private WavePlan? ReadWave(JsonElement wave, string at, int index, Dictionary<string, string> seen, RequestErrors errors)
    {
        if (wave.ValueKind != JsonValueKind.Object)
        {
            errors.Add(at, "Each wave must be a JSON object.");
            return null;
        }

        var name = errors.Text(wave, "name", $"{at}.name", required: false, 64) ?? $"wave {index + 1}";
        var policy = errors.Text(wave, "policy", $"{at}.policy", required: false, MaxText);
        if (policy is not null && !policies.TryGet(policy, out _))
        {
            errors.Add($"{at}.policy", $"No policy '{policy}' (ReleaseWatch:Policies has {string.Join(", ", policies.Names)}).");
        }

        var members = Members(wave, at, errors);
        var waveOrgs = new List<WaveOrg>();
        foreach (var (org, field) in members)
        {
            if (seen.TryGetValue(SalesforceOrgId.Key(org.Id), out var first))
            {
                errors.Add(field, $"Org {org.Id} is already in {first}; an org belongs to one wave.");
                continue;
            }

            seen[SalesforceOrgId.Key(org.Id)] = at;
            var orgPolicy = policy ?? (org.Policy is { } p && policies.TryGet(p, out _) ? p : PolicyCatalog.DefaultPolicyName);
            waveOrgs.Add(new WaveOrg(new OrgRef(org.Id, org.Name, org.Environment), orgPolicy, null, OrgStanding.Pending, null));
        }

        var bake = Duration(wave, "bake", $"{at}.bake", errors) ?? TimeSpan.Zero;
        var quorum = Quorum(wave, at, errors);
        var onBreach = errors.Text(wave, "onBreach", $"{at}.onBreach", required: false, 16) switch
        {
            null or "org" => BreachScope.Org,
            "wave" => BreachScope.Wave,
            _ => Invalid(errors, $"{at}.onBreach", "Must be \"org\" (revert the breached org only) or \"wave\" (revert the whole wave)."),
        };
        var fleet = Fleet(wave, at, errors);
        return new WavePlan(name, waveOrgs, bake, quorum, onBreach, fleet);
    }

    private List<(OrgOptions Org, string Field)> Members(JsonElement wave, string at, RequestErrors errors)
    {
        var hasOrgs = wave.TryGetProperty("orgs", out var ids);
        var hasGroup = wave.TryGetProperty("group", out var group);
        var members = new List<(OrgOptions, string)>();
        if (hasOrgs == hasGroup)
        {
            errors.Add(at, "Name the wave's orgs either as \"orgs\": [org ids] or as \"group\": {\"label\": \"value\"}, exactly one of them.");
            return members;
        }

        if (hasOrgs)
        {
            if (ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0)
            {
                errors.Add($"{at}.orgs", "Must be a non-empty array of org ids.");
                return members;
            }

            var i = 0;
            foreach (var id in ids.EnumerateArray())
            {
                var field = $"{at}.orgs[{i++}]";
                var text = id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (text is null || !SalesforceOrgId.IsValid(text))
                {
                    errors.Add(field, "Must be a 15- or 18-character Salesforce org id starting with 00D.");
                }
                else if (catalog.Find(text) is { } org)
                {
                    members.Add((org, field));
                }
                else
                {
                    errors.Add(field, $"Org {text} is not configured (ReleaseWatch:Orgs).");
                }
            }

            return members;
        }

        if (group.ValueKind != JsonValueKind.Object || !group.EnumerateObject().Any() || group.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add($"{at}.group", "Must be an object of labels to match, e.g. {\"tier\": \"canary\"}.");
            return members;
        }

        var labels = group.EnumerateObject().Select(p => (p.Name, Value: p.Value.GetString()!)).ToList();
        members.AddRange(orgs.Value.Orgs
            .Where(o => labels.All(l => o.Labels.Any(kv => string.Equals(kv.Key, l.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(kv.Value, l.Value, StringComparison.OrdinalIgnoreCase))))
            .Select(o => (o, $"{at}.group")));
        if (members.Count == 0)
        {
            errors.Add($"{at}.group", $"No configured org has the labels {string.Join(", ", labels.Select(l => $"{l.Name}: {l.Value}"))} (ReleaseWatch:Orgs:{{i}}:Labels).");
        }

        return members;
    }

    private static double Quorum(JsonElement wave, string at, RequestErrors errors)
    {
        var success = errors.Text(wave, "success", $"{at}.success", required: false, 16);
        var hasQuorum = wave.TryGetProperty("quorum", out var quorum);
        switch (success)
        {
            case null or "all-verified" when !hasQuorum:
                return 1;
            case null or "quorum" when hasQuorum:
                if (quorum.ValueKind == JsonValueKind.Number && quorum.TryGetDouble(out var q) && q is > 0 and <= 1)
                {
                    return q;
                }

                errors.Add($"{at}.quorum", "Must be the share of orgs that must verify, more than 0 and at most 1 (e.g. 0.95).");
                return 1;
            case "quorum":
                errors.Add($"{at}.quorum", "Required with \"success\": \"quorum\" (e.g. 0.95).");
                return 1;
            case "all-verified":
                errors.Add($"{at}.quorum", "Only with \"success\": \"quorum\".");
                return 1;
            default:
                errors.Add($"{at}.success", "Must be \"all-verified\" or \"quorum\".");
                return 1;
        }
    }

    private FleetRule? Fleet(JsonElement wave, string at, RequestErrors errors)
    {
        var fleet = errors.Object(wave, "fleet", $"{at}.fleet", required: false);
        if (fleet is not { } element)
        {
            return null;
        }

        var name = errors.Text(element, "policy", $"{at}.fleet.policy", required: false, MaxText);
        Policy? policy = null;
        if (name is not null && !policies.TryGet(name, out policy))
        {
            errors.Add($"{at}.fleet.policy", $"No policy '{name}' (ReleaseWatch:Policies has {string.Join(", ", policies.Names)}).");
        }

        double? share = null;
        if (element.TryGetProperty("maxFailingShare", out var s))
        {
            if (s.ValueKind == JsonValueKind.Number && s.TryGetDouble(out var v) && v is >= 0 and < 1)
            {
                share = v;
            }
            else
            {
                errors.Add($"{at}.fleet.maxFailingShare", "Must be a share from 0 to below 1 (e.g. 0.05).");
            }
        }

        if (name is null && share is null)
        {
            errors.Add($"{at}.fleet", "Name a \"policy\" judged on the wave's summed signals, a \"maxFailingShare\", or both.");
        }

        return new FleetRule(name, share, policy?.Interval ?? TimeSpan.FromMinutes(1));
    }

    private static TimeSpan? Duration(JsonElement element, string name, string field, RequestErrors errors)
    {
        var text = errors.Text(element, name, field, required: true, 32);
        if (text is null)
        {
            return null;
        }

        try
        {
            var span = XmlConvert.ToTimeSpan(text);
            if (span >= TimeSpan.Zero && span <= MaxBake)
            {
                return span;
            }
        }
        catch (FormatException)
        {
        }

        errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be an ISO 8601 duration from PT0M to P{MaxBake.TotalDays}D, e.g. \"PT30M\" (got \"{text}\")."));
        return null;
    }

    private static BreachScope Invalid(RequestErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return BreachScope.Org;
    }
}
