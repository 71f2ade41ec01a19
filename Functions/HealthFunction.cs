using ReleaseWatch.Hosting;

namespace ReleaseWatch.Functions;

/// <summary>Health: storage reachability, at /healthz and (through the host) /api/healthz.</summary>
internal static class HealthFunction
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", HealthApi.GetAsync);
        app.MapGet("/api/healthz", HealthApi.GetAsync);
    }
}
