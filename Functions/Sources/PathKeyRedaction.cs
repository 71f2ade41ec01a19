using System.Diagnostics;

namespace ReleaseWatch.Functions.Sources;

/// <summary>
/// Gearset's standard payload proves itself with a secret last path segment; traces must not carry it. The request
/// span's url.path keeps the route's shape instead (/api/sources/gearset/{key}).
/// </summary>
internal static class PathKeyRedaction
{
    private const string GearsetPrefix = "/api/sources/gearset/";

    public static void Redact(Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments(GearsetPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value != "/")
        {
            activity.SetTag("url.path", GearsetPrefix + "{key}");
        }
    }
}
