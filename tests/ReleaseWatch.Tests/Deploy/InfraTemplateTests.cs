using System.Reflection;
using ReleaseWatch.Orgs;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Tests.Deploy;

[Collection(CompiledInfraCollection.Name)]
public sealed class InfraTemplateTests(CompiledInfra infra)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";

    [Fact]
    public void Bicep_build_compiles_infra_without_a_single_linter_diagnostic()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(infra.Build.StandardError), $"Linter diagnostics (warnings are errors):\n{infra.Build.StandardError}");
    }

    [Fact]
    public void Template_creates_every_table_the_code_uses()
    {
        var tables = infra.Variable("tableNames").EnumerateArray().Select(t => t.GetString()!).ToHashSet();

        Assert.Equal(TableNames.All.ToHashSet(), tables);
        Assert.Contains("tableNames", infra.Resource("tables").GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_queue_has_sessions_and_duplicate_detection_and_results_queue_is_plain()
    {
        var commands = infra.Resource("commandsQueue");
        var results = infra.Resource("resultsQueue");

        Assert.EndsWith(", release-commands)]", infra.ResolveVariables(commands.GetProperty("name").GetString()!), StringComparison.Ordinal);
        Assert.True(commands.GetProperty("properties").GetProperty("requiresSession").GetBoolean());
        Assert.True(commands.GetProperty("properties").GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.EndsWith(", release-command-results)]", infra.ResolveVariables(results.GetProperty("name").GetString()!), StringComparison.Ordinal);
        Assert.False(results.GetProperty("properties").TryGetProperty("requiresSession", out _));
        Assert.Equal("Standard", infra.Resource("serviceBus").GetProperty("sku").GetProperty("name").GetString());
        Assert.True(infra.Resource("serviceBus").GetProperty("properties").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Role_assignments_are_exactly_the_least_privilege_set_each_on_its_narrowest_scope()
    {
        var assignments = infra.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Select(r => (
                Role: infra.ResolveVariables(r.Resource.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!),
                Scope: infra.ResolveVariables(r.Resource.GetProperty("scope").GetString()!),
                Principal: r.Resource.GetProperty("properties").GetProperty("principalId").GetString()!))
            .ToList();

        (string Role, string ScopeType, string? ScopeName, string Principal)[] expected =
        [
            (BlobDataOwner, "Microsoft.Storage/storageAccounts", null, "functionApp"),
            (TableDataContributor, "Microsoft.Storage/storageAccounts", null, "functionApp"),
            (ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/queues", "release-commands", "functionApp"),
            (ServiceBusDataReceiver, "Microsoft.ServiceBus/namespaces/queues", "release-command-results", "functionApp"),
            (KeyVaultSecretsUser, "Microsoft.KeyVault/vaults", null, "functionApp"),
            (EventGridDataSender, "Microsoft.EventGrid/topics", null, "pipelinePrincipalId"),
        ];
        Assert.Equal(expected.Length, assignments.Count);
        foreach (var want in expected)
        {
            Assert.Contains(assignments, a =>
                a.Role.Contains($"'Microsoft.Authorization/roleDefinitions', {want.Role})", StringComparison.Ordinal)
                && a.Scope.StartsWith($"[resourceId('{want.ScopeType}'", StringComparison.Ordinal)
                && (want.ScopeName is null || a.Scope.EndsWith($", {want.ScopeName})]", StringComparison.Ordinal))
                && a.Principal.Contains(want.Principal, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Event_grid_subscription_delivers_deployment_completed_to_the_DeploymentEvents_function()
    {
        var subscription = infra.Resource("deploymentEvents").GetProperty("properties");
        var destination = subscription.GetProperty("destination");
        var eventTypes = subscription.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray()
            .Select(t => infra.ResolveVariables(t.GetString()!));

        Assert.Equal("AzureFunction", destination.GetProperty("endpointType").GetString());
        Assert.Contains("/functions/DeploymentEvents'", destination.GetProperty("properties").GetProperty("resourceId").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ReleaseWatch.DeploymentCompleted"], eventTypes);
    }

    [Fact]
    public void Function_app_is_a_linux_custom_handler_with_a_system_assigned_identity_on_elastic_premium()
    {
        var app = infra.Resource("functionApp");
        var plan = infra.Resource("plan");

        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
        Assert.Equal("SystemAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("ElasticPremium", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
        Assert.Equal("'custom'", infra.SettingValueExpression("FUNCTIONS_WORKER_RUNTIME").TrimEnd(',', ' ', ')'));
        Assert.Equal("'~4'", infra.SettingValueExpression("FUNCTIONS_EXTENSION_VERSION").TrimEnd(',', ' ', ')'));
        Assert.False(infra.Resource("storage").GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
    }

    [Theory]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("ReleaseWatch__Storage__TableServiceUri")]
    [InlineData("ReleaseWatch__ServiceBus__Namespace")]
    [InlineData("ReleaseWatch__Intake__SigningSecret")]
    [InlineData("ReleaseWatch__PublicBaseUrl")]
    [InlineData("ReleaseWatch__Teams__WebhookUrl")]
    [InlineData("ReleaseWatch__Email__Host")]
    [InlineData("ReleaseWatch__Email__Port")]
    [InlineData("ReleaseWatch__Email__Security")]
    [InlineData("ReleaseWatch__Email__Username")]
    [InlineData("ReleaseWatch__Email__Password")]
    [InlineData("ReleaseWatch__Email__From")]
    [InlineData("ReleaseWatch__Policies__{0}")]
    public void Function_app_gets_the_setting(string name) =>
        Assert.Contains(name, infra.AppSettingNames);

    [Fact]
    public void Function_app_gets_a_setting_for_every_storage_and_org_option_the_code_binds()
    {
        var expected = new List<string>();
        expected.AddRange(Settable(typeof(StorageOptions)).Select(p => $"ReleaseWatch__Storage__{p.Name}"));
        foreach (var property in Settable(typeof(OrgOptions)))
        {
            if (property.PropertyType == typeof(SalesforceOrgOptions))
            {
                foreach (var option in Settable(typeof(SalesforceOrgOptions)))
                {
                    var prefix = $"ReleaseWatch__Orgs__{{0}}__Salesforce__{option.Name}";
                    if (option.PropertyType.IsGenericType && option.PropertyType.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string))
                    {
                        // A list of objects (classification rules): one setting per item property, lists indexed once more.
                        expected.AddRange(Settable(item).Select(p => p.PropertyType == typeof(List<string>) ? $"{prefix}__{{1}}__{p.Name}__{{2}}" : $"{prefix}__{{1}}__{p.Name}"));
                    }
                    else
                    {
                        expected.Add(prefix);
                    }
                }
            }
            else if (property.PropertyType == typeof(List<string>) || property.PropertyType == typeof(Dictionary<string, string>))
            {
                expected.Add($"ReleaseWatch__Orgs__{{0}}__{property.Name}__{{1}}");
            }
            else if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string))
            {
                // A list of objects (dependencies): one setting per item property.
                expected.AddRange(Settable(item).Select(p => $"ReleaseWatch__Orgs__{{0}}__{property.Name}__{{1}}__{p.Name}"));
            }
            else
            {
                expected.Add($"ReleaseWatch__Orgs__{{0}}__{property.Name}");
            }
        }

        Assert.All(expected, name => Assert.Contains(name, infra.AppSettingNames));
    }

    [Theory]
    [InlineData("ReleaseWatch__Intake__SigningSecret", "'intake-signing-secret'")]
    [InlineData("ReleaseWatch__Intake__SigningSecretNext", "'intake-signing-secret-next'")]
    [InlineData("ReleaseWatch__Teams__WebhookUrl", "'teams-webhook-url'")]
    [InlineData("ReleaseWatch__Email__Password", "'smtp-password'")]
    [InlineData("ReleaseWatch__Orgs__{0}__Salesforce__PrivateKey", "'salesforce-{0}'")]
    [InlineData("ReleaseWatch__Orgs__{0}__Salesforce__ClientSecret", "'salesforce-{0}'")]
    public void Secret_settings_are_key_vault_references(string name, string secretName)
    {
        var value = infra.SettingValueExpression(name);

        Assert.Contains("__bicep.vaultRef(", value, StringComparison.Ordinal);
        Assert.Contains(secretName, value, StringComparison.Ordinal);
    }

    [Fact]
    public void No_secure_parameter_flows_into_app_settings_or_outputs()
    {
        var secure = infra.Template.GetProperty("parameters").EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.Ordinal))
            .Select(p => p.Name)
            .ToList();
        var outputs = infra.Template.GetProperty("outputs").GetRawText();

        Assert.Contains("signingSecret", secure);
        foreach (var name in secure)
        {
            var use = $"parameters('{name}')";
            var settings = infra.AppSettingsText.Replace($"empty({use})", "", StringComparison.Ordinal);
            Assert.DoesNotContain(use, settings, StringComparison.Ordinal);
            Assert.DoesNotContain(use, outputs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Outputs_give_the_webhook_url_and_the_topic_endpoint()
    {
        var outputs = infra.Template.GetProperty("outputs");

        Assert.EndsWith("/api/deployments', reference('functionApp').defaultHostName)]", outputs.GetProperty("webhookUrl").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("[reference('topic').endpoint]", outputs.GetProperty("topicEndpoint").GetProperty("value").GetString());
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);
}
