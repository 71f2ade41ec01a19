using ReleaseWatch.Intake;

namespace ReleaseWatch.Functions;

/// <summary>DeploymentEvents: Event Grid deliveries — the eventGridTrigger's invocation route, and /api/events when standalone.</summary>
internal static class DeploymentEventsFunction
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/DeploymentEvents", DeploymentEventsInvocation.HandleAsync);
        app.MapPost("/api/events", EventGridWebhook.PostAsync);
        app.MapMethods("/api/events", new[] { HttpMethods.Options }, EventGridWebhook.Options);
    }
}
