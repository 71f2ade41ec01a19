using ReleaseWatch.Dashboard;

namespace ReleaseWatch.Functions.Dashboard;

internal static class DashboardExtensions
{
    /// <summary>Registers the dashboard: access (ReleaseWatch:Dashboard, validated at start), the page reader, the alerts' chart images, the action signer, antiforgery.</summary>
    public static IServiceCollection AddReleaseWatchDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection("ReleaseWatch:Dashboard"))
            .Validate(o => o.Access != DashboardAccess.Key || o.Key is { Length: >= 16 }, "ReleaseWatch:Dashboard:Key must be at least 16 characters when Access is Key.")
            .Validate(o => o.MaxRecordingBytes is >= 1024 and <= 256L * 1024 * 1024, "ReleaseWatch:Dashboard:MaxRecordingBytes must be from 1 KiB to 256 MiB.")
            .ValidateOnStart();
        services.AddSingleton<WatchViewReader>();
        // The metric's chart in Teams cards and emails, drawn from the same judgements as the watch page.
        services.AddSingleton<ReleaseWatch.Alerts.IAlertChartSource, WatchAlertCharts>();
        services.AddSingleton<DashboardActionSigner>();
        services.AddSingleton<BacktestRecordings>();
        services.AddSingleton<RolloutList>();
        services.AddHttpClient(DashboardActionSigner.HttpClientName);
        services.AddAntiforgery(o => o.Cookie.Name = "releasewatch-antiforgery");
        return services;
    }

    /// <summary>Checks antiforgery tokens on the dashboard's forms; a form that fails is answered 400 before it is bound.</summary>
    public static WebApplication UseReleaseWatchDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.Use(AntiforgeryRefusal.InvokeAsync);
        return app;
    }
}
