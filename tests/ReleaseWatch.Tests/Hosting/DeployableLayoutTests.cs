using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using ReleaseWatch.Tests.Peers;

namespace ReleaseWatch.Tests.Hosting;

/// <summary>Every function folder has a function.json whose trigger the executable serves, and host.json points at the executable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeployableLayoutTests(AzuritePeer azurite)
{
    [Fact]
    public void Host_json_runs_the_ReleaseWatch_executable_as_a_custom_handler_with_HTTP_forwarding()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("host.json")));
        var handler = host.RootElement.GetProperty("customHandler");

        Assert.Equal("ReleaseWatch", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.RootElement.GetProperty("extensionBundle").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Every_function_json_names_a_route_the_executable_serves()
    {
        await using var app = new ReleaseWatchApp(azurite);
        _ = app.CreateClient();
        var served = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        var folders = Directory.GetDirectories(RepoPaths.Of("Functions")).Where(d => File.Exists(Path.Combine(d, "function.json"))).ToList();

        Assert.NotEmpty(folders);
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            using var function = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
            var trigger = function.RootElement.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            if (trigger.GetProperty("type").GetString() == "httpTrigger")
            {
                // Forwarded as is: /<routePrefix>/<route>, with an optional parameter served with and without it; a
                // catch-all route ({*page}) forwards everything under its literal start, which the executable must serve.
                var route = "/" + Prefix() + trigger.GetProperty("route").GetString()!.Replace("?}", "}", StringComparison.Ordinal);
                var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList();
                var catchAll = route.IndexOf("{*", StringComparison.Ordinal);
                Assert.True(catchAll < 0
                    ? served.Any(s => s.Route == route && methods.All(s.Methods.Contains))
                    : methods.All(m => served.Any(s => s.Route.StartsWith(route[..catchAll], StringComparison.Ordinal) && s.Methods.Contains(m))), $"{name}: {route} is not served");
            }
            else
            {
                Assert.True(served.Any(s => s.Route == "/" + name && s.Methods.Contains("POST")), $"{name}: POST /{name} is not served");
            }
        }
    }

    /// <summary>host.json's extensions.http.routePrefix ("api" when absent), with its trailing slash.</summary>
    private static string Prefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("host.json")));
        var prefix = host.RootElement.TryGetProperty("extensions", out var e) && e.TryGetProperty("http", out var h) && h.TryGetProperty("routePrefix", out var p) ? p.GetString()! : "api";
        return prefix.Length == 0 ? "" : prefix.Trim('/') + "/";
    }
}
