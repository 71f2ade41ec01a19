using System.Text.Json.Serialization;

namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// The data the dashboard's charts read from the page (dashboard.js): camelCase, nulls written (a missing threshold is
/// <c>null</c> to the script). Generated at compile time for the native executable.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SparklineData))]
[JsonSerializable(typeof(MetricChartData))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;

/// <summary>One signal's sparkline: minute starts (Unix seconds) and counts.</summary>
internal sealed record SparklineData(IReadOnlyList<long> X, IReadOnlyList<long> Y);

/// <summary>One metric's chart: check times (Unix seconds), the series, the thresholds and the breach span.</summary>
internal sealed record MetricChartData(
    IReadOnlyList<long> X,
    IReadOnlyList<double?> Observed,
    IReadOnlyList<double?> Baseline,
    IReadOnlyList<double?> Low,
    IReadOnlyList<double?> High,
    IReadOnlyList<string> Verdicts,
    double? Above,
    double? Below,
    IReadOnlyList<long>? Breach);
