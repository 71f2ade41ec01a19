using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ReleaseWatch.Storage;

/// <summary>
/// Counts every request the Table clients send (each retry too), by table and operation: the
/// <c>releasewatch.storage.requests</c> metric, and running totals the benchmarks read to print requests per unit of work.
/// </summary>
internal sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<(string Table, string Operation), long> _counts = new();
    private long _total;

    /// <summary>Requests sent so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests sent so far by (table, operation); a transaction's table is "$batch".</summary>
    public IReadOnlyDictionary<(string Table, string Operation), long> ByOperation => new Dictionary<(string, string), long>(_counts);

    public override void OnSendingRequest(HttpMessage message)
    {
        var (table, operation) = Describe(message.Request.Method, message.Request.Uri.Path, message.Request.Uri.Query);
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate((table, operation), 1, (_, n) => n + 1);
        StorageMetrics.Requested(table, operation);
    }

    /// <summary>"signals(PartitionKey='a',RowKey='b')" GET is a point read, "signals()" GET a query, "$batch" a transaction.</summary>
    internal static (string Table, string Operation) Describe(RequestMethod method, string path, string query)
    {
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        var table = paren < 0 ? segment : segment[..paren];
        var keyed = paren >= 0 && segment.Length > paren + 2;
        if (table == "$batch")
        {
            return (table, "transaction");
        }

        var operation = method.Method switch
        {
            "GET" when keyed => "get",
            "GET" => query.Contains("$filter", StringComparison.Ordinal) || !keyed ? "query" : "get",
            "POST" => "insert",
            "PUT" => "upsert",
            "MERGE" or "PATCH" => "merge",
            "DELETE" => "delete",
            _ => method.Method.ToLowerInvariant(),
        };
        return (table, operation);
    }
}
