using Microsoft.Extensions.DependencyInjection;
using ReleaseWatch.Storage;

namespace ReleaseWatch.Benchmarks.Storage;

/// <summary>
/// Table Storage requests a piece of work made, read from the counting pipeline policy of a service provider: start one,
/// do the work, then <see cref="Per"/> or <see cref="Describe"/> the requests since.
/// </summary>
internal sealed class RequestTally
{
    private readonly CountingPolicy _policy;
    private readonly long _start;
    private readonly IReadOnlyDictionary<(string Table, string Operation), long> _startBy;

    private RequestTally(CountingPolicy policy)
    {
        _policy = policy;
        _start = policy.Total;
        _startBy = policy.ByOperation;
    }

    public static RequestTally Start(IServiceProvider services) => new(services.GetRequiredService<CountingPolicy>());

    public long Requests => _policy.Total - _start;

    /// <summary>Requests per unit of work.</summary>
    public double Per(double units) => units <= 0 ? 0 : Requests / units;

    /// <summary>"signals query 1.0, $batch transaction 1.0, …" per unit of work, most first.</summary>
    public string Describe(double units)
    {
        var now = _policy.ByOperation;
        var parts = now.Select(pair => (pair.Key, Count: pair.Value - _startBy.GetValueOrDefault(pair.Key)))
            .Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count)
            .Select(p => FormattableString.Invariant($"{p.Key.Table} {p.Key.Operation} {p.Count / units:0.##}"));
        return string.Join(", ", parts);
    }
}
