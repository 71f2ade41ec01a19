using System.Text.Json.Nodes;
using ReleaseWatch.Orgs;

namespace ReleaseWatch.Salesforce.Auth;

/// <summary>
/// Gets tokens from {LoginUrl}/services/oauth2/token: the JWT bearer flow when a private key is configured,
/// else the client credentials flow. The token is cached until renewal is asked for (after a 401).
/// </summary>
internal sealed class SalesforceTokenClient(HttpClient http, SalesforceOrgOptions options, TimeProvider time) : ISalesforceTokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SalesforceToken? _cached;

    public async Task<SalesforceToken> GetAsync(bool renew, CancellationToken cancellationToken)
    {
        var seen = _cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Two callers that both saw a 401 renew once: the second finds a token newer than the one it saw.
            if (_cached is not null && (!renew || !ReferenceEquals(_cached, seen)))
            {
                return _cached;
            }

            _cached = await RequestAsync(cancellationToken);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SalesforceToken> RequestAsync(CancellationToken cancellationToken)
    {
        var loginUrl = options.LoginUrl ?? throw new SalesforceAuthException("LoginUrl is not set.");
        var form = string.IsNullOrWhiteSpace(options.PrivateKey)
            ? new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId ?? "",
                ["client_secret"] = options.ClientSecret ?? "",
            }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = JwtBearerAssertion.Create(options.ClientId ?? "", options.Username ?? "", loginUrl, options.PrivateKey, time.GetUtcNow()),
            };
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(loginUrl, "/services/oauth2/token"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SalesforceAuthException($"Token endpoint answered HTTP {(int)response.StatusCode} without JSON.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SalesforceAuthException($"Token endpoint refused (HTTP {(int)response.StatusCode}): {json?["error"]} {json?["error_description"]}".TrimEnd());
        }

        var accessToken = json?["access_token"]?.GetValue<string>();
        var instanceUrl = json?["instance_url"]?.GetValue<string>();
        if (string.IsNullOrEmpty(accessToken) || !Uri.TryCreate(instanceUrl, UriKind.Absolute, out var instance))
        {
            throw new SalesforceAuthException("Token endpoint answer lacks access_token or instance_url.");
        }

        return new SalesforceToken(accessToken, instance);
    }
}

/// <summary>The token endpoint refused (error + error_description from its JSON answer) or answered nonsense.</summary>
internal sealed class SalesforceAuthException(string message) : Exception(message);
