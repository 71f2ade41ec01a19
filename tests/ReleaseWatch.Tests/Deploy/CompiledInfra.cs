using System.Text.Json;
using System.Text.RegularExpressions;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>infra.bicep compiled once by the Bicep CLI (with the linter), parsed as ARM JSON for the tests.</summary>
public sealed partial class CompiledInfra : IAsyncLifetime
{
    private JsonElement _template;

    public CommandRun Build { get; private set; } = null!;

    public JsonElement Template => _template;

    /// <summary>Every app setting name the function app gets; a placeholder such as {0} stands for an index or key.</summary>
    public IReadOnlySet<string> AppSettingNames { get; private set; } = new HashSet<string>();

    /// <summary>The ARM expressions the app settings are built from (the site's appSettings and the variables it uses).</summary>
    public string AppSettingsText { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Build = await BicepCli.BuildAsync(RepoPaths.Of("infra.bicep"));
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build infra.bicep failed: {Build}");
        }

        using var document = JsonDocument.Parse(Build.StandardOutput);
        _template = document.RootElement.Clone();
        AppSettingsText = Resource("functionApp").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()
            + "\n" + _template.GetProperty("variables").GetRawText();
        AppSettingNames = SettingName().Matches(AppSettingsText).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public JsonElement Resource(string symbolicName) =>
        _template.GetProperty("resources").TryGetProperty(symbolicName, out var resource)
            ? resource
            : throw new KeyNotFoundException($"infra.bicep has no resource '{symbolicName}'.");

    public IEnumerable<(string Name, JsonElement Resource)> ResourcesOfType(string type) =>
        _template.GetProperty("resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    public JsonElement Variable(string name) => _template.GetProperty("variables").GetProperty(name);

    /// <summary>Resolves variables('x') and variables('x').y in an ARM expression to their literal values.</summary>
    public string ResolveVariables(string expression)
    {
        var whole = WholeVariable().Match(expression);
        return whole.Success ? Variable(whole.Groups["name"].Value).GetString()! : VariableReference().Replace(expression, m =>
        {
            var value = Variable(m.Groups["name"].Value);
            if (m.Groups["member"].Success)
            {
                value = value.GetProperty(m.Groups["member"].Value);
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        });
    }

    /// <summary>The ARM expression that gives a setting its value (the text after its name).</summary>
    public string SettingValueExpression(string name)
    {
        var at = AppSettingsText.IndexOf($"'{name}'", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No app setting {name} in infra.bicep.");
        const string marker = "'value', ";
        var rest = AppSettingsText[at..];
        rest = rest[(rest.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        var end = rest.IndexOf("createObject('name'", StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    [GeneratedRegex(@"createObject\('name', (?:format\()?'(?<name>[^']+)'")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)(?:\.(?<member>\w+))?")]
    private static partial Regex VariableReference();
}
