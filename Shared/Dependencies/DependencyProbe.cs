using System.Net.Sockets;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Dependencies;

/// <summary>
/// One anonymous GET of a dependency's URL, timed to the response headers (the body is not read). Wrong status,
/// timeout, refused or reset connection: Failed. A name that does not resolve or a URL that cannot be used: NotMade.
/// No retries: a probe is one request.
/// </summary>
internal sealed class DependencyProbe(IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "dependency-probes";

    public async Task<ProbeOutcome> ProbeAsync(DependencyOptions dependency, CancellationToken cancellationToken)
    {
        if (dependency.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return new ProbeOutcome(ProbeResult.NotMade, null, null, $"the URL '{dependency.Url}' cannot be probed");
        }

        var http = httpClients.CreateClient(HttpClientName);
        using var timeout = new CancellationTokenSource(dependency.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var latency = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            return dependency.IsHealthy(status)
                ? new ProbeOutcome(ProbeResult.Ok, status, latency, $"HTTP {status}")
                : new ProbeOutcome(ProbeResult.Failed, status, latency, $"HTTP {status} {response.ReasonPhrase}, expected {Expected(dependency)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeOutcome(ProbeResult.Failed, null, null, $"no answer within {dependency.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (IsNameFailure(ex))
        {
            return new ProbeOutcome(ProbeResult.NotMade, null, null, $"the name {url.DnsSafeHost} does not resolve: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new ProbeOutcome(ProbeResult.Failed, null, null, $"{ex.HttpRequestError}: {ex.Message}");
        }
    }

    private static string Expected(DependencyOptions dependency) => dependency.ExpectedStatus is { } status ? $"HTTP {status}" : "2xx";

    private static bool IsNameFailure(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.NameResolutionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData };
}
