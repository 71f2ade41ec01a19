using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// GET /dashboard/assets/{file}: the static assets shipped at build under wwwroot/ (uPlot from npm, the dashboard's
/// script and styles). An endpoint rather than middleware, so the Functions host's DashboardAssets route has one to reach.
/// </summary>
internal static class DashboardAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [""] = "text/plain; charset=utf-8",
    };

    private static readonly Lazy<IFileProvider> Files = new(() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            : new NullFileProvider());

    public static RouteHandlerBuilder MapDashboardAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(DashboardHtml.AssetsPath + "/{**file}", Get).ExcludeFromDescription();

    public static IResult Get(string file, IOptions<DashboardOptions> options, HttpContext context)
    {
        // The executable sits beside wwwroot with no extension: the test asks for it. PhysicalFileProvider refuses absolute paths and ".." segments: nothing outside wwwroot is served.
        var info = Files.Value.GetFileInfo(file);
        if (options.Value.Access == DashboardAccess.Off || !info.Exists || info.IsDirectory || !Types.TryGetValue(Path.GetExtension(file), out var type))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Stream(info.CreateReadStream(), type, lastModified: info.LastModified);
    }
}
