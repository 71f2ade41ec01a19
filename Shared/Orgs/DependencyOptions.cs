namespace ReleaseWatch.Orgs;

/// <summary>
/// An external service the org's callouts reach (ReleaseWatch:Orgs:{i}:Dependencies:{j}), probed with a GET once per
/// interval: signals dependency.{Name}.ok, dependency.{Name}.failed and dependency.{Name}.latency (ms).
/// </summary>
public sealed class DependencyOptions
{
    /// <summary>Default of <see cref="TimeoutSeconds"/>.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary>Lower-case letters, digits and '-', unique in the org (e.g. payments, erp). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The URL probed: https (http only on a loopback host, for local runs and tests). Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The one status that means healthy (e.g. 204). Default (null): any 2xx.</summary>
    public int? ExpectedStatus { get; set; }

    /// <summary>A probe without response headers within this many seconds is a failure (1–60). Default 10.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>The timeout that applies.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds ?? DefaultTimeoutSeconds);

    /// <summary>Whether <paramref name="status"/> is the healthy answer.</summary>
    public bool IsHealthy(int status) => ExpectedStatus is { } expected ? status == expected : status is >= 200 and < 300;
}
