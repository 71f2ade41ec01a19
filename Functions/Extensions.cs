using ReleaseWatch.Functions.Http;
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
        builder.Services.ConfigureHttpJsonOptions(o => ReleaseWatchJson.Apply(o.SerializerOptions));
        builder.Services.AddSingleton<IListeningAddress, ServerListeningAddress>();
        return builder;
    }

    /// <summary>Maps every API area: the HTTP APIs (standalone, and forwarded by the host) and the host's trigger routes.</summary>
    public static WebApplication MapReleaseWatchFunctions(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapDeploymentsApi();
        app.MapWatchesApi();
        app.MapOrgsApi();
        app.MapTriggersApi();
        return app;
    }

    /// <summary>
    /// Binds the listening address by mode: under the Functions host, 127.0.0.1 on FUNCTIONS_CUSTOMHANDLER_PORT;
    /// standalone, ReleaseWatch:Urls (default http://127.0.0.1:7071).
    /// </summary>
    private static WebApplicationBuilder UseReleaseWatchHosting(this WebApplicationBuilder builder)
    {
        var customHandlerPort = builder.Configuration[HostingMode.CustomHandlerPortSetting];
        var urls = string.IsNullOrWhiteSpace(customHandlerPort)
            ? builder.Configuration["ReleaseWatch:Urls"] ?? "http://127.0.0.1:7071"
            : $"http://127.0.0.1:{customHandlerPort}";
        builder.WebHost.UseUrls(urls);
        return builder;
    }
}
