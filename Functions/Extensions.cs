using ReleaseWatch.Functions.Dashboard;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Functions.Rollouts;
using ReleaseWatch.Functions.Sources;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Functions;

internal static class Extensions
{
    /// <summary>
    /// Composes the executable: every capability of Shared/, telemetry export when configured, the one JSON dialect
    /// for HTTP answers, and what only the web host knows (its listening address, for the demo).
    /// </summary>
    public static WebApplicationBuilder AddReleaseWatchFunctions(this WebApplicationBuilder builder)
    {
        builder.UseReleaseWatchHosting();
        builder.AddReleaseWatchTelemetry();
        builder.Services.AddReleaseWatch(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(o => FunctionsJson.Apply(o.SerializerOptions));
        builder.Services.AddSingleton<IListeningAddress, ServerListeningAddress>();
        builder.Services.AddReleaseWatchDashboard(builder.Configuration);
        return builder;
    }

    /// <summary>Maps every API area: the HTTP APIs (standalone, and forwarded by the host) and the host's trigger routes.</summary>
    public static WebApplication MapReleaseWatchFunctions(this WebApplication app)
    {
        app.UseReleaseWatchDashboard();
        app.MapHealthApi();
        app.MapDeploymentsApi();
        app.MapWatchesApi();
        app.MapRolloutsApi();
        app.MapOrgsApi();
        app.MapTriggersApi();
        app.MapPollsApi();
        app.MapSourcesApi();
        app.MapDashboard();
        return app;
    }

    /// <summary>
    /// Binds the listening address by mode. Under the Functions host: 127.0.0.1 on FUNCTIONS_CUSTOMHANDLER_PORT, always.
    /// Standalone, ASP.NET Core's own settings win (--urls, ASPNETCORE_URLS / DOTNET_URLS or "urls" in configuration,
    /// then ASPNETCORE_HTTP_PORTS / HTTPS_PORTS; Kestrel:Endpoints above all); without them ReleaseWatch:Urls, default
    /// http://127.0.0.1:7071.
    /// </summary>
    private static WebApplicationBuilder UseReleaseWatchHosting(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var customHandlerPort = configuration[HostingMode.CustomHandlerPortSetting];
        if (!string.IsNullOrWhiteSpace(customHandlerPort))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
        }
        else if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrWhiteSpace(configuration[key])))
        {
            builder.WebHost.UseUrls(configuration["ReleaseWatch:Urls"] ?? "http://127.0.0.1:7071");
        }

        return builder;
    }
}
