using Microsoft.Extensions.Configuration;

namespace ReleaseWatch.Hosting;

/// <summary>
/// One executable, two modes. Under the Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set) timers and queue
/// triggers come from the host; standalone, the executable runs them itself as hosted services.
/// </summary>
internal static class HostingMode
{
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CustomHandlerPortSetting]);
}
