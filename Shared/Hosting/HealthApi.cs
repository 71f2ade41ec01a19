using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Hosting;

/// <summary>GET /healthz: 200 when Table Storage answers, 503 (problem+json) when it does not.</summary>
public static class HealthApi
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static async Task<IResult> GetAsync(ITableProvider tables, CancellationToken cancellationToken)
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

            return TypedResults.Json(new { status = "healthy", storage = "reachable" }, ReleaseWatchJson.Options);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or InvalidOperationException)
        {
            return Problems.Unavailable($"Table Storage is not reachable: {ex.GetType().Name}.");
        }
    }
}
