using System.Net.Http.Headers;
using System.Text;
using ReleaseWatch.Tests.Hosting;
using ReleaseWatch.Tests.Peers;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests.Intake.Sources;

/// <summary>
/// The real app with every native source configured the way README tells a user to, and two orgs of its own
/// (production and uat) that the mappings point at.
/// </summary>
internal static class SourcesApp
{
    public const string GitHubSecret = "github-webhook-secret-0123456789";
    public const string AzureDevOpsUser = "azure-devops";
    public const string AzureDevOpsPassword = "azure-devops-password-0123456789";
    public const string GearsetPathKey = "gearset-path-key-0123456789abcdef";
    public const string GearsetUser = "gearset";
    public const string GearsetPassword = "gearset-password-0123456789";
    public const string YamlProjectId = "be9b3917-87e6-42a4-a549-2bc06a7a878f";

    /// <summary>The app; values of <paramref name="extra"/> may name the orgs as {production} and {uat}.</summary>
    public static (ReleaseWatchApp App, string Production, string Uat) Create(AzuritePeer azurite, IDictionary<string, string?>? extra = null, string? production = null, string? uat = null)
    {
        production ??= ReleaseWatchApp.NewOrgId();
        uat ??= ReleaseWatchApp.NewOrgId();
        var settings = new Dictionary<string, string?>
        {
            ["ReleaseWatch:Orgs:0:Id"] = production,
            ["ReleaseWatch:Orgs:1:Id"] = uat,
            ["ReleaseWatch:Sources:GitHub:Secret"] = GitHubSecret,
            ["ReleaseWatch:Sources:AzureDevOps:Username"] = AzureDevOpsUser,
            ["ReleaseWatch:Sources:AzureDevOps:Password"] = AzureDevOpsPassword,
            ["ReleaseWatch:Sources:Gearset:PathKey"] = GearsetPathKey,
            ["ReleaseWatch:Sources:Gearset:Username"] = GearsetUser,
            ["ReleaseWatch:Sources:Gearset:Password"] = GearsetPassword,
        };
        var mappings = new (string Source, string Org, (string Key, string Value)[] Match)[]
        {
            ("github", production, [("environment", "production"), ("repository", "octo-org/sf-app")]),
            ("github", uat, [("environment", "uat")]),
            ("azure-devops", production, [("project", "Fabrikam"), ("definition", "Fabrikam.CD"), ("environment", "Production")]),
            ("azure-devops", uat, [("project", "Fabrikam"), ("environment", "Dev")]),
            ("azure-devops", production, [("project", YamlProjectId), ("definition", "TEST-CI"), ("stage", "production")]),
            ("gearset", production, [("job", "uat to production")]),
        };
        for (var i = 0; i < mappings.Length; i++)
        {
            settings[$"ReleaseWatch:Sources:Mappings:{i}:Source"] = mappings[i].Source;
            settings[$"ReleaseWatch:Sources:Mappings:{i}:Org"] = mappings[i].Org;
            foreach (var (key, value) in mappings[i].Match)
            {
                settings[$"ReleaseWatch:Sources:Mappings:{i}:Match:{key}"] = value;
            }
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value?.Replace("{production}", production, StringComparison.Ordinal).Replace("{uat}", uat, StringComparison.Ordinal);
        }

        return (new ReleaseWatchApp(azurite, settings), production, uat);
    }

    public static HttpRequestMessage Json(string path, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public static async Task<int> CountWatchesAsync(ReleaseWatchApp app, params string[] orgs)
    {
        var count = 0;
        foreach (var org in orgs)
        {
            string? token = null;
            do
            {
                var page = await app.Get<IWatchStore>().ListAsync(org, null, 100, token, CancellationToken.None);
                count += page.Watches.Count;
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return count;
    }
}
