using System.Text.Json;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Deploy;

/// <summary>App Service Authentication (Microsoft Entra ID) in infra.bicep: the dashboard's routes need a signed-in user, the machine routes stay anonymous to the platform.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class InfraDashboardAuthTests(CompiledInfra infra)
{
    [Fact]
    public void Authentication_requires_a_signed_in_user_and_sends_browsers_to_the_entra_login()
    {
        var auth = infra.Resource("dashboardAuth");
        var validation = auth.GetProperty("properties").GetProperty("globalValidation");
        var entra = auth.GetProperty("properties").GetProperty("identityProviders").GetProperty("azureActiveDirectory");

        Assert.Equal("Microsoft.Web/sites/config", auth.GetProperty("type").GetString());
        Assert.EndsWith("authsettingsV2')]", auth.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("dashboardClientId", auth.GetProperty("condition").GetString(), StringComparison.Ordinal);
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("RedirectToLoginPage", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal("[parameters('dashboardClientId')]", entra.GetProperty("registration").GetProperty("clientId").GetString());
        Assert.Contains("dashboardTenantId", entra.GetProperty("registration").GetProperty("openIdIssuer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dashboard_route_needs_sign_in_and_every_key_or_signature_route_is_left_to_its_own_credentials()
    {
        var excluded = infra.Resource("dashboardAuth").GetProperty("properties").GetProperty("globalValidation").GetProperty("excludedPaths")
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        var routes = Directory.GetFiles(RepoPaths.Of("Functions"), "function.json", SearchOption.AllDirectories)
            .Select(f => (Function: Path.GetFileName(Path.GetDirectoryName(f)!), Trigger: Trigger(f)))
            .Where(r => r.Trigger is not null)
            .Select(r => (r.Function, Route: "/" + r.Trigger!.Value.GetProperty("route").GetString(), Level: r.Trigger.Value.GetProperty("authLevel").GetString()))
            .ToList();

        Assert.Contains(routes, r => r.Function.StartsWith("Dashboard", StringComparison.Ordinal));
        foreach (var (function, route, level) in routes)
        {
            var anonymousToThePlatform = excluded.Any(p => route.StartsWith(p.TrimEnd('*'), StringComparison.Ordinal));
            Assert.True(function.StartsWith("Dashboard", StringComparison.Ordinal) != anonymousToThePlatform,
                $"{function} ({route}, authLevel {level}) is {(anonymousToThePlatform ? "excluded from" : "behind")} App Service Authentication");
        }
    }

    [Fact]
    public void The_app_reads_the_signed_in_user_from_the_platform_only_when_authentication_is_configured()
    {
        Assert.Contains("ReleaseWatch__Dashboard__Access", infra.AppSettingNames);
        Assert.Contains("if(empty(parameters('dashboardClientId')), 'Off', 'AppService')", infra.AppSettingsText, StringComparison.Ordinal);
    }

    private static JsonElement? Trigger(string functionJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(functionJson));
        return document.RootElement.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => (JsonElement?)b.Clone()).FirstOrDefault();
    }
}
