using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ReleaseWatch.Dashboard;

namespace ReleaseWatch.Functions.Dashboard;

internal static class DashboardExtensions
{
    /// <summary>Registers the dashboard: access (ReleaseWatch:Dashboard, validated at start), the page reader, the action signer, antiforgery.</summary>
    public static IServiceCollection AddReleaseWatchDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection("ReleaseWatch:Dashboard"))
            .Validate(o => o.Access != DashboardAccess.Key || o.Key is { Length: >= 16 }, "ReleaseWatch:Dashboard:Key must be at least 16 characters when Access is Key.")
            .ValidateOnStart();
        services.AddSingleton<WatchViewReader>();
        services.AddSingleton<DashboardActionSigner>();
        services.AddHttpClient(DashboardEndpoints.HttpClientName);
        services.AddAntiforgery(o => o.Cookie.Name = "releasewatch-antiforgery");
        return services;
    }

    /// <summary>Serves the static assets shipped at build (wwwroot: uPlot from npm, the dashboard's script and styles) and checks antiforgery tokens.</summary>
    public static WebApplication UseReleaseWatchDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root) && app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Access != DashboardAccess.Off)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = DashboardHtml.AssetsPath });
        }

        app.UseAntiforgery();
        return app;
    }
}
