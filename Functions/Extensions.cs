namespace ReleaseWatch.Functions;

internal static class Extensions
{
    /// <summary>Maps every function: its HTTP API (standalone, and forwarded by the host) and its custom-handler route.</summary>
    public static WebApplication MapReleaseWatchFunctions(this WebApplication app)
    {
        // The Functions host probes readiness with GET /.
        app.MapGet("/", () => Results.Json(new { service = "ReleaseWatch", status = "ready" }));
        DeploymentsFunction.Map(app);
        DeploymentEventsFunction.Map(app);
        WatchesFunction.Map(app);
        WatchActionsFunction.Map(app);
        HealthFunction.Map(app);
        TickerFunction.Map(app);
        app.MapCommandResults();
        return app;
    }

    /// <summary>
    /// Binds the listening address by mode: under the Functions host, 127.0.0.1 on FUNCTIONS_CUSTOMHANDLER_PORT;
    /// standalone, ReleaseWatch:Urls (default http://127.0.0.1:7071).
    /// </summary>
    public static WebApplicationBuilder UseReleaseWatchHosting(this WebApplicationBuilder builder)
    {
        var customHandlerPort = builder.Configuration[ReleaseWatch.Hosting.HostingMode.CustomHandlerPortSetting];
        var urls = string.IsNullOrWhiteSpace(customHandlerPort)
            ? builder.Configuration["ReleaseWatch:Urls"] ?? "http://127.0.0.1:7071"
            : $"http://127.0.0.1:{customHandlerPort}";
        builder.WebHost.UseUrls(urls);
        return builder;
    }
}
