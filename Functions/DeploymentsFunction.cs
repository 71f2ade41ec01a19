using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions;

/// <summary>Deployments: the native webhook (HTTP trigger forwarded by the host, or served standalone).</summary>
internal static class DeploymentsFunction
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/deployments", DeploymentWebhook.HandleAsync).WithName("Deployments");
}
