using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using ReleaseWatch.Functions.Http;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Functions;

/// <summary>Readiness and health (Health function): GET / for the Functions host's probe, /healthz and /api/healthz for storage reachability.</summary>
internal static class HealthApi
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("");
        api.MapGet("/", Ready);
        api.MapGet("/healthz", GetAsync);
        api.MapGet("/api/healthz", GetAsync);
        return api;
    }

    /// <summary>The Functions host probes readiness with GET /.</summary>
    public static Ok<ServiceStatus> Ready() => TypedResults.Ok(new ServiceStatus("ReleaseWatch", "ready"));

    /// <summary>200 when Table Storage answers, 503 (problem+json) when it does not.</summary>
    public static async Task<Results<Ok<StorageHealth>, ProblemHttpResult>> GetAsync(ITableProvider tables, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            var table = await tables.GetAsync(TableNames.Watches, deadline.Token);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: deadline.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return TypedResults.Ok(new StorageHealth("healthy", "reachable"));
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or InvalidOperationException)
        {
            return Problems.Unavailable($"Table Storage is not reachable: {ex.GetType().Name}.");
        }
    }
}

/// <summary>GET /: the service answers.</summary>
internal sealed record ServiceStatus(string Service, string Status);

/// <summary>GET /healthz: storage reachable.</summary>
internal sealed record StorageHealth(string Status, string Storage);
