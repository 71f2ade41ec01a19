using System.Text.Json;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>infra.bicep and the function.json files must agree: what the template wires up must exist in the package.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class InfraFunctionsTests(CompiledInfra infra)
{
    [Fact]
    public void Event_grid_subscription_target_is_an_event_grid_triggered_function()
    {
        Assert.Contains("/functions/DeploymentEvents'", infra.Resource("deploymentEvents").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(Bindings("DeploymentEvents"), b => Type(b) == "eventGridTrigger");
    }

    [Fact]
    public void Webhook_url_output_is_the_route_of_the_Deployments_http_function()
    {
        var trigger = Assert.Single(Bindings("Deployments"), b => Type(b) == "httpTrigger");

        Assert.Equal("api/deployments", trigger.GetProperty("route").GetString());
        Assert.Contains("post", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        Assert.Contains("/api/deployments'", infra.Template.GetProperty("outputs").GetProperty("webhookUrl").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_results_trigger_reads_the_results_queue_the_template_creates()
    {
        var trigger = Assert.Single(Bindings("CommandResults"), b => Type(b) == "serviceBusTrigger");

        Assert.Equal("release-command-results", trigger.GetProperty("queueName").GetString());
        Assert.Equal("release-command-results", infra.Variable("resultsQueueName").GetString());
    }

    [Fact]
    public void Every_binding_connection_has_an_identity_based_setting_in_the_template()
    {
        var connections = Directory.GetFiles(RepoPaths.Of("Functions"), "function.json", SearchOption.AllDirectories)
            .SelectMany(f => Bindings(Path.GetFileName(Path.GetDirectoryName(f)!)))
            .Where(b => b.TryGetProperty("connection", out _))
            .Select(b => b.GetProperty("connection").GetString()!)
            .Distinct()
            .ToList();

        Assert.NotEmpty(connections);
        Assert.All(connections, c => Assert.Contains(infra.AppSettingNames, s => s == c || s.StartsWith($"{c}__", StringComparison.Ordinal)));
    }

    private static List<JsonElement> Bindings(string function)
    {
        var path = RepoPaths.Of("Functions", function, "function.json");
        Assert.True(File.Exists(path), $"No {path}: infra.bicep refers to the function {function}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList();
    }

    private static string? Type(JsonElement binding) => binding.GetProperty("type").GetString();
}
