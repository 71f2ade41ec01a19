using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>Who is looking at the dashboard, as <see cref="DashboardAccessFilter"/> established it.</summary>
internal sealed record DashboardUser(string Name)
{
    public static DashboardUser Of(HttpContext context) =>
        context.Features.Get<DashboardUser>() ?? throw new InvalidOperationException($"{context.Request.Path} has no {nameof(DashboardAccessFilter)}.");
}

/// <summary>Admits a dashboard request per <see cref="DashboardOptions.Access"/> and records who made it.</summary>
internal sealed class DashboardAccessFilter(IOptions<DashboardOptions> options, IConfiguration configuration) : IEndpointFilter
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string KeyCookie = "releasewatch-dashboard";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        var (user, refusal) = settings.Access switch
        {
            DashboardAccess.AppService => Principal(http),
            DashboardAccess.Key => Keyed(http, settings),
            DashboardAccess.Local => Local(http, settings, HostingMode.IsFunctionsHost(configuration)),
            _ => (null, Results.NotFound()),
        };
        if (user is null)
        {
            return refusal;
        }

        http.Features.Set(user);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        return await next(context);
    }

    private static (DashboardUser?, IResult?) Principal(HttpContext http) =>
        http.Request.Headers[PrincipalHeader].ToString() is { Length: > 0 and <= 128 } name
            ? (new DashboardUser(name), null)
            : (null, Problem(StatusCodes.Status401Unauthorized, "Sign in: the dashboard is behind App Service Authentication and this request carries no signed-in principal."));

    private static (DashboardUser?, IResult?) Keyed(HttpContext http, DashboardOptions settings)
    {
        var given = http.Request.Query["key"].FirstOrDefault() ?? http.Request.Cookies[KeyCookie];
        if (string.IsNullOrEmpty(settings.Key) || given is null ||
            !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(settings.Key))))
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, "Open the dashboard once with ?key=<ReleaseWatch:Dashboard:Key>."));
        }

        if (http.Request.Query.ContainsKey("key"))
        {
            http.Response.Cookies.Append(KeyCookie, given, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/" });
        }

        return (new DashboardUser(settings.OperatorName ?? "dashboard key holder"), null);
    }

    private static (DashboardUser?, IResult?) Local(HttpContext http, DashboardOptions settings, bool underFunctionsHost)
    {
        if (underFunctionsHost)
        {
            return (null, Problem(StatusCodes.Status403Forbidden, "Under the Functions host every request arrives over loopback: set ReleaseWatch:Dashboard:Access to AppService (or Key)."));
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && System.Net.IPAddress.IsLoopback(remote)
            ? (new DashboardUser(settings.OperatorName ?? "local operator"), null)
            : (null, Problem(StatusCodes.Status403Forbidden, "The dashboard serves this machine only (ReleaseWatch:Dashboard:Access = Local)."));
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
