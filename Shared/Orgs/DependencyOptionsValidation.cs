using System.Net;
using System.Text.RegularExpressions;

namespace ReleaseWatch.Orgs;

/// <summary>What makes an org's declared dependencies valid; each failure names its setting.</summary>
internal static partial class DependencyOptionsValidation
{
    public static IEnumerable<string> Failures(string at, IReadOnlyList<DependencyOptions> dependencies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < dependencies.Count; j++)
        {
            var dependency = dependencies[j];
            var key = $"{at}:Dependencies:{j}";
            if (!NamePattern().IsMatch(dependency.Name))
            {
                yield return $"{key}:Name must be lower-case letters, digits and '-' (1–40, starting with a letter or digit), e.g. payments (got '{dependency.Name}').";
            }
            else if (!seen.Add(dependency.Name))
            {
                yield return $"{key}:Name '{dependency.Name}' is declared twice for this org.";
            }

            if (UrlProblem(dependency.Url) is { } problem)
            {
                yield return $"{key}:Url {problem}";
            }

            if (dependency.ExpectedStatus is { } status && status is < 100 or > 599)
            {
                yield return $"{key}:ExpectedStatus must be an HTTP status 100–599 (got {status}).";
            }

            if (dependency.TimeoutSeconds is { } timeout && timeout is < 1 or > 60)
            {
                yield return $"{key}:TimeoutSeconds must be 1–60 (got {timeout}).";
            }
        }
    }

    private static string? UrlProblem(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return $"must be an absolute https URL (got '{url}').";
        }

        if (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)))
        {
            return string.IsNullOrEmpty(url.UserInfo) ? null : "must not carry credentials (user:password@): a probe is an anonymous GET.";
        }

        return $"must use https (http only on a loopback host such as 127.0.0.1); got '{url}'.";
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
