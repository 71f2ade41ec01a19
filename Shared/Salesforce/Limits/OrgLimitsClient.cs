using System.Net;
using ReleaseWatch.Orgs;
using ReleaseWatch.Salesforce.Auth;

namespace ReleaseWatch.Salesforce.Limits;

/// <summary>
/// GET {instance_url}/services/data/v{ApiVersion}/limits with the org's bearer token (the integration user needs the
/// View Setup and Configuration permission). A 401 renews the token once; nothing here retries otherwise, so a poll
/// is at most two calls.
/// </summary>
internal sealed class OrgLimitsClient(IHttpClientFactory httpClients, SalesforceTokenSources tokens)
{
    public const string HttpClientName = "salesforce-limits";

    public async Task<LimitsAnswer> GetAsync(OrgOptions org, CancellationToken cancellationToken)
    {
        var source = tokens.For(org);
        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var token = await source.GetAsync(renew: attempt > 0, cancellationToken);
                var url = new Uri(token.InstanceUrl, $"/services/data/v{org.Salesforce!.ApiVersion}/limits");
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new("Bearer", token.AccessToken);
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    continue;
                }

                if (body.Contains("REQUEST_LIMIT_EXCEEDED", StringComparison.Ordinal))
                {
                    return LimitsAnswer.Exceeded($"HTTP {(int)response.StatusCode} REQUEST_LIMIT_EXCEEDED");
                }

                if (!response.IsSuccessStatusCode)
                {
                    return LimitsAnswer.Failed($"HTTP {(int)response.StatusCode} from {url.AbsolutePath}");
                }

                return OrgLimits.TryParse(body) is { } limits ? LimitsAnswer.Of(limits) : LimitsAnswer.Failed("the /limits answer is not a limits object");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SalesforceAuthException && !cancellationToken.IsCancellationRequested)
        {
            return LimitsAnswer.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
