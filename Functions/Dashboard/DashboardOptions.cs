namespace ReleaseWatch.Functions.Dashboard;

/// <summary>
/// Who may open the dashboard (ReleaseWatch:Dashboard). It is never open by accident: the default serves only
/// requests from this machine's loopback address, and under the Functions host (where every request arrives over
/// loopback) only App Service Authentication's signed-in principal is accepted.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Local (default), AppService, Key or Off.</summary>
    public DashboardAccess Access { get; set; } = DashboardAccess.Local;

    /// <summary>For Access = Key: the shared key (at least 16 characters), given once as ?key= and kept in an HttpOnly cookie.</summary>
    public string? Key { get; set; }

    /// <summary>The name operator actions record under Local and Key access. Default "local operator" / "dashboard key holder".</summary>
    public string? OperatorName { get; set; }

    /// <summary>The largest recording the back-test page reads (an upload or a listed file), in bytes. Default 16 MiB.</summary>
    public long MaxRecordingBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>How the dashboard knows who is looking.</summary>
public enum DashboardAccess
{
    /// <summary>Only requests from a loopback address (standalone mode); refused under the Functions host.</summary>
    Local,

    /// <summary>App Service Authentication (Microsoft Entra ID): the platform's X-MS-CLIENT-PRINCIPAL-NAME header names the user; without it, 401.</summary>
    AppService,

    /// <summary>Anyone holding the configured key.</summary>
    Key,

    /// <summary>No dashboard: its routes answer 404.</summary>
    Off,
}
